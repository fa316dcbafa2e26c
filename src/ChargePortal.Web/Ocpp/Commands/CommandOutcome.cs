using System.Text.Json;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// A command's result as a page shows it: the station's status, or why there is none, in plain words (the console, the
/// device-model browser).
/// </summary>
public sealed record CommandOutcome(string Command, bool Answered, string Status, string Message, string? AnswerJson, DateTimeOffset At)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    /// <summary>Statuses where the station did what was asked (possibly later).</summary>
    public bool Succeeded { get; init; }

    public static CommandOutcome From<TAnswer>(string command, CommandResult<TAnswer> result, DateTimeOffset at)
        where TAnswer : StationAnswer
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Answer is { } answer)
        {
            return new(command, true, answer.StatusText, $"The station answered {command}: {answer.StatusText}.", answer.Details.ToJsonString(Pretty), at)
            {
                Succeeded = answer.Succeeded,
            };
        }

        var error = result.Error!;
        var message = error.Kind switch
        {
            CommandFailure.Offline => "The station is offline, so the command was not sent.",
            CommandFailure.NotAccepted => $"The station is not accepted, so the command was not sent. {error.Detail}",
            CommandFailure.Timeout => "The station did not answer in time. It may still carry the command out.",
            CommandFailure.StationError => $"The station refused the message with an error ({error.OcppErrorCode}). {error.Detail}",
            CommandFailure.BadArguments => $"The command's arguments are not valid: {error.Detail}",
            CommandFailure.UnknownStation => "This station is not registered (any more).",
            _ => error.Detail,
        };
        return new(command, false, error.Kind.ToString(), message, null, at);
    }
}
