using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.StationSecurity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Stations.Provisioning;

public static class StationPatchApi
{
    public static IServiceCollection AddStationProvisioning(this IServiceCollection services)
    {
        services.AddSingleton<RegistrationGate>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationGate>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<RegistrationGate>());
        services.AddSingleton<StationEditor>();
        return services;
    }

    public static RouteGroupBuilder MapStationPatch(this RouteGroupBuilder stations)
    {
        stations.MapPatch("/{id}", PatchAsync).RequireAuthorization(Policies.Operator)
            .Accepts<JsonObject>("application/json")
            .WithSummary("Change a station's name, siteId, registrationStatus (Accepted, Pending, Rejected), password, generatePassword, securityProfile or allowUnsecured; any subset. A connected station is sent a new password first; the answer says whether it accepted.");
        return stations;
    }

    // DESIGN.md "Station security": one PATCH takes the registry's fields and the credentials' fields in any subset.
    private static readonly string[] CredentialFields = ["password", "generatePassword", "securityProfile", "allowUnsecured", "passwordRotationDays"];

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PatchAsync(
        string id, HttpRequest request, ClaimsPrincipal user, StationEditor editor, StationCredentials credentials,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = request.ContentLength is 0 ? null : await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request", $"The body is not valid JSON: {ex.Message}");
        }

        if (body is JsonObject { Count: 0 })
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request",
                "A JSON object with any of name, siteId, registrationStatus, password, generatePassword, securityProfile, allowUnsecured is required.");
        }

        var settings = body as JsonObject;
        JsonObject? secrets = null;
        if (settings is not null)
        {
            settings = (JsonObject)settings.DeepClone();
            foreach (var field in CredentialFields.Where(settings.ContainsKey))
            {
                (secrets ??= [])[field] = settings[field]?.DeepClone();
                settings.Remove(field);
            }
        }

        StationCredentialsPatch? credentialsPatch = null;
        if (secrets is not null)
        {
            try
            {
                credentialsPatch = secrets.Deserialize<StationCredentialsPatch>(json.Value.SerializerOptions);
            }
            catch (JsonException ex)
            {
                return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid credentials", $"The credentials fields are not valid: {ex.Message}");
            }
        }

        var actor = new CommandActor(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));
        var answer = new JsonObject();
        if (secrets is null || settings is { Count: > 0 } || body is not JsonObject)
        {
            var settingsBody = body is JsonObject ? JsonSerializer.SerializeToElement(settings) : body is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(body);
            var result = await editor.PatchAsync(id, settingsBody, actor, ct);
            switch (result.Outcome)
            {
                case StationPatchOutcome.UnknownStation:
                    return ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", result.Errors![0]);
                case not StationPatchOutcome.Updated:
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid station change", detail: string.Join(" ", result.Errors!),
                        extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
            }

            Merge(answer, JsonSerializer.SerializeToNode(result.Station!, json.Value.SerializerOptions));
        }

        if (credentialsPatch is not null)
        {
            var changed = await StationSecurityApi.PatchAsync(id, credentialsPatch, user, credentials, ct);
            if (changed.Result is ProblemHttpResult problem)
            {
                return problem;
            }

            Merge(answer, JsonSerializer.SerializeToNode(((Ok<StationCredentialsDto>)changed.Result).Value, json.Value.SerializerOptions));
        }

        return TypedResults.Ok(answer);
    }

    private static void Merge(JsonObject into, JsonNode? from)
    {
        foreach (var (name, value) in from?.AsObject() ?? [])
        {
            into[name] = value?.DeepClone();
        }
    }
}
