using System.Collections.Frozen;
using System.Text.Json;

namespace ChargePortal.Ocpp.Validation;

/// <summary>
/// Validates OCPP payloads against the vendored OCA JSON schemas (1.6 incl. security extension, 2.0.1).
/// Each schema is compiled on first use (thread-safe, once) into a node tree that walks a JsonElement
/// without reflection or per-property allocation.
/// </summary>
public static class OcppSchemaValidator
{
    private const string ResourcePrefix = "OcppSchemas/";

    private static readonly FrozenDictionary<string, ActionSchemas> V16 = Discover(OcppVersion.V16);
    private static readonly FrozenDictionary<string, ActionSchemas> V201 = Discover(OcppVersion.V201);

    /// <summary>True if the version defines <paramref name="action"/> (case-sensitive, as OCPP action names are).</summary>
    public static bool HasSchema(OcppVersion version, string action) => For(version).ContainsKey(action);

    /// <summary>The actions the version defines, in ordinal order.</summary>
    public static IReadOnlyList<string> Actions(OcppVersion version) => [.. For(version).Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Validates <paramref name="payload"/>. An action without a schema is reported as NotImplemented, which is
    /// also the CALLERROR an RPC peer answers for an unknown action.
    /// </summary>
    public static OcppValidationResult Validate(OcppVersion version, string action, OcppMessageKind kind, JsonElement payload)
    {
        if (!For(version).TryGetValue(action, out var schemas))
        {
            return OcppValidationResult.Invalid(OcppErrorCode.NotImplemented, $"Unknown action '{action}' in OCPP {version.DisplayName()}.");
        }

        var root = kind == OcppMessageKind.Request ? schemas.Request.Value : schemas.Response.Value;
        return root.Validate(payload) is { } failure
            ? OcppValidationResult.Invalid(failure.Code, failure.ToString())
            : OcppValidationResult.Valid;
    }

    /// <summary>
    /// Every violation of <paramref name="payload"/>, each with its JSON path: for telling a person all that is wrong
    /// at once (the RPC path stops at the first). Empty when valid.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The version has no schema for <paramref name="action"/>.</exception>
    public static IReadOnlyList<OcppSchemaViolation> Violations(OcppVersion version, string action, OcppMessageKind kind, JsonElement payload)
    {
        if (!For(version).TryGetValue(action, out var schemas))
        {
            throw new KeyNotFoundException($"Unknown action '{action}' in OCPP {version.DisplayName()}.");
        }

        var failures = new List<SchemaFailure>();
        (kind == OcppMessageKind.Request ? schemas.Request.Value : schemas.Response.Value).CollectFailures(payload, failures);
        return [.. failures.Select(f => new OcppSchemaViolation(f.Path, f.Message, f.Code))];
    }

    /// <summary>A schema-valid request of <paramref name="action"/> with only its required fields, indented, for a person to fill in.</summary>
    /// <exception cref="KeyNotFoundException">The version has no schema for <paramref name="action"/>.</exception>
    public static string RequestSkeleton(OcppVersion version, string action, DateTimeOffset now)
    {
        if (!For(version).TryGetValue(action, out var schemas))
        {
            throw new KeyNotFoundException($"Unknown action '{action}' in OCPP {version.DisplayName()}.");
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            schemas.Request.Value.WriteSkeleton(writer, now);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static FrozenDictionary<string, ActionSchemas> For(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16,
        OcppVersion.V201 => V201,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    // File names: 1.6 "Action.json" + "ActionResponse.json"; 2.0.1 "ActionRequest.json" + "ActionResponse.json".
    private static FrozenDictionary<string, ActionSchemas> Discover(OcppVersion version)
    {
        var folder = ResourcePrefix + (version == OcppVersion.V16 ? "v16/" : "v201/");
        var requestSuffix = version == OcppVersion.V16 ? ".json" : "Request.json";
        var assembly = typeof(OcppSchemaValidator).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var actions = new Dictionary<string, ActionSchemas>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name[folder.Length..];
            if (file.EndsWith("Response.json", StringComparison.Ordinal) || !file.EndsWith(requestSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var action = file[..^requestSuffix.Length];
            var responseName = folder + action + "Response.json";
            if (names.Contains(responseName))
            {
                actions[action] = new ActionSchemas(Load(name), Load(responseName));
            }
        }

        return actions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Lazy<SchemaNode> Load(string resourceName) => new(
        () =>
        {
            using var stream = typeof(OcppSchemaValidator).Assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Missing embedded schema {resourceName}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return SchemaCompiler.Compile(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), resourceName);
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record ActionSchemas(Lazy<SchemaNode> Request, Lazy<SchemaNode> Response);
}
