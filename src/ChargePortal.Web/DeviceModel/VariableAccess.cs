using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.DeviceModel;

/// <summary>
/// Reads and writes a 2.0.1 station's variables. A list longer or larger than the station's DeviceDataCtrlr
/// ItemsPerMessage / BytesPerMessage (instances GetVariables and SetVariables) allow is sent as several calls, one after
/// the other (B05.FR.11, B06.FR.05); their results are merged in the order the items were given.
/// </summary>
public sealed class VariableAccess(StationCommandService commands, DeviceModelStore store)
{

    public Task<CommandResult<VariablesAnswer>> GetAsync(string stationId, IReadOnlyList<VariableRead> reads, CommandActor actor, CancellationToken ct) =>
        RunAsync(stationId, "GetVariables", "getVariableResult", reads, batch => new GetVariablesArguments(batch), actor, ct);

    public Task<CommandResult<VariablesAnswer>> SetAsync(string stationId, IReadOnlyList<VariableWrite> writes, CommandActor actor, CancellationToken ct) =>
        RunAsync(stationId, "SetVariables", "setVariableResult", writes, batch => new SetVariablesArguments(batch), actor, ct);

    private async Task<CommandResult<VariablesAnswer>> RunAsync<T>(
        string stationId, string action, string resultsProperty, IReadOnlyList<T> items, Func<IReadOnlyList<T>, StationOperation<VariablesAnswer>> operation,
        CommandActor actor, CancellationToken ct)
    {
        IReadOnlyList<IReadOnlyList<T>> batches;
        try
        {
            // The whole list is checked once as one request (empty, repeated items, schema limits of each value) ...
            FrameBytes(operation(items));

            // ... then cut to the station's limits, each batch measured as the frame it will be.
            batches = MessageBatches.Split(items, await store.MessageLimitsAsync(stationId, action, ct), batch => FrameBytes(operation(batch)));
        }
        catch (StationCommandArgumentException ex)
        {
            return CommandResult.Failed<VariablesAnswer>(CommandFailure.BadArguments, ex.Message);
        }

        var results = new List<VariableResult>();
        var details = new JsonArray();
        for (var i = 0; i < batches.Count; i++)
        {
            var result = await commands.ExecuteAsync(stationId, operation(batches[i]), actor, ct);
            if (result.Answer is not { } answer)
            {
                return i == 0
                    ? result
                    : CommandResult.Failed<VariablesAnswer>(result.Error! with
                    {
                        Detail = $"{result.Error!.Detail} (call {i + 1} of {batches.Count}; the first {results.Count} items were answered)",
                    });
            }

            results.AddRange(answer.Results);
            foreach (var node in answer.Details[resultsProperty]?.AsArray() ?? [])
            {
                details.Add(node?.DeepClone());
            }
        }

        return new CommandResult<VariablesAnswer>(Merge(action, resultsProperty, results, details, batches.Count));
    }

    private static VariablesAnswer Merge(string action, string resultsProperty, List<VariableResult> results, JsonArray details, int calls)
    {
        var first = results.FirstOrDefault(r => r.Status != VariableStatus.Accepted);
        var statusText = first?.StatusText ?? nameof(CommandStatus.Accepted);
        var status = Enum.TryParse<CommandStatus>(statusText, ignoreCase: false, out var parsed) ? parsed : CommandStatus.Other;
        var json = new JsonObject { ["action"] = action, ["status"] = statusText, [resultsProperty] = details, ["calls"] = calls };
        return new VariablesAnswer(status, statusText, json, results);
    }

    private static int FrameBytes(StationCommandArguments operation) =>
        MessageBatches.FrameBytes(StationCommandAdapters.For(OcppVersion.V201).Build(operation, new StationCommandContext()));
}
