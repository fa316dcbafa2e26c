namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>OCPI 2.2.1 status codes (chapter "Status codes").</summary>
public static class OcpiStatus
{
    public const int Success = 1000;
    public const int ClientError = 2000;
    public const int InvalidParameters = 2001;
    public const int NotEnoughInformation = 2002;
    public const int UnknownLocation = 2003;
    public const int UnknownToken = 2004;
    public const int ServerError = 3000;
    public const int UnableToUseClientApi = 3001;
    public const int UnsupportedVersion = 3002;
    public const int NoMatchingEndpoints = 3003;

    public static bool IsSuccess(int code) => code is >= 1000 and < 2000;
}

/// <summary>The envelope around every OCPI answer.</summary>
public sealed record OcpiResponse<T>(T? Data, int StatusCode, string? StatusMessage, DateTimeOffset Timestamp);
