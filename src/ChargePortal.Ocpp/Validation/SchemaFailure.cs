using System.Text;

namespace ChargePortal.Ocpp.Validation;

/// <summary>A validation failure; the JSON path is collected innermost-first while the recursion unwinds.</summary>
internal sealed class SchemaFailure(OcppErrorCode code, string message)
{
    private readonly List<string> _reversedPath = [];

    public OcppErrorCode Code { get; } = code;

    public string Message { get; } = message;

    public SchemaFailure Within(string segment)
    {
        _reversedPath.Add(segment);
        return this;
    }

    public string Path
    {
        get
        {
            var builder = new StringBuilder("$");
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                builder.Append(_reversedPath[i]);
            }

            return builder.ToString();
        }
    }

    public override string ToString() => $"{Path}: {Message}";
}
