using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Operators.Console;

/// <summary>A command's result as the console shows it: the station's status, or why there is none, in plain words.</summary>
public sealed record CommandOutcome(string Command, bool Answered, string Status, string Message, string? AnswerJson, DateTimeOffset At)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    /// <summary>Statuses where the station did what was asked (possibly later).</summary>
    public bool Succeeded => Answered && Status is "Accepted" or "Scheduled" or "Unlocked" or "RebootRequired";

    public static CommandOutcome From(string command, CommandResult result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Answer is { } answer)
        {
            var status = answer["status"]?.GetValue<string>() ?? "Answered";
            return new(command, true, status, $"The station answered {command}: {status}.", answer.ToJsonString(Pretty), at);
        }

        var message = result.Failure switch
        {
            CommandFailure.Offline => "The station is offline, so the command was not sent.",
            CommandFailure.NotAccepted => $"The station is not accepted, so the command was not sent. {result.Detail}",
            CommandFailure.Timeout => "The station did not answer in time. It may still carry the command out.",
            CommandFailure.StationError => $"The station refused the message with an error ({result.OcppErrorCode}). {result.Detail}",
            CommandFailure.BadArguments => $"The command's arguments are not valid: {result.Detail}",
            CommandFailure.UnknownStation => "This station is not registered (any more).",
            _ => result.Detail ?? "The command failed.",
        };
        return new(command, false, result.Failure?.ToString() ?? "Failed", message, null, at);
    }

    /// <summary>The entries of a get-configuration answer.</summary>
    public static IReadOnlyList<ConfigurationEntry> Configuration(JsonObject? answer)
    {
        if (answer?["configuration"] is not JsonArray list)
        {
            return [];
        }

        return [.. list.OfType<JsonObject>().Select(e => new ConfigurationEntry(
            e["key"]?.GetValue<string>() ?? "",
            e["value"]?.GetValue<string>(),
            e["readonly"]?.GetValue<bool>() ?? false)).Where(e => e.Key.Length > 0)];
    }
}

public sealed record ConfigurationEntry(string Key, string? Value, bool ReadOnly);
