namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>OCPI answers: the envelope with a status code, on the HTTP status the spec pairs with it.</summary>
public static class OcpiResults
{
    public static IResult Ok<T>(T data, TimeProvider time) =>
        Results.Json(new OcpiResponse<T>(data, OcpiStatus.Success, "Success", time.GetUtcNow()), OcpiJson.Options);

    /// <summary>A success without data (a PUT or PATCH stored, a DELETE done).</summary>
    public static IResult Ok(TimeProvider time) =>
        Results.Json(new OcpiResponse<object>(null, OcpiStatus.Success, "Success", time.GetUtcNow()), OcpiJson.Options);

    public static IResult Error(int httpStatus, int statusCode, string message, TimeProvider time) =>
        Results.Json(new OcpiResponse<object>(null, statusCode, message, time.GetUtcNow()), OcpiJson.Options, statusCode: httpStatus);

    /// <summary>2001: the request is not valid; nothing was changed.</summary>
    public static IResult Invalid(string message, TimeProvider time) =>
        Error(StatusCodes.Status400BadRequest, OcpiStatus.InvalidParameters, message, time);

    public static IResult NotFound(int statusCode, string message, TimeProvider time) =>
        Error(StatusCodes.Status404NotFound, statusCode, message, time);
}
