using System.Globalization;
using System.Text;
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
    public const string DeviceDataCtrlr = "DeviceDataCtrlr";

    /// <summary>The frame around a payload: <c>[2,"&lt;message id, at most 36&gt;","&lt;action&gt;",…]</c> without the action.</summary>
    private const int FrameOverhead = 48;

    public Task<CommandResult<VariablesAnswer>> GetAsync(string stationId, IReadOnlyList<VariableRead> reads, CommandActor actor, CancellationToken ct) =>
        RunAsync(stationId, "GetVariables", "getVariableResult", reads, batch => new GetVariablesArguments(batch), actor, ct);

    public Task<CommandResult<VariablesAnswer>> SetAsync(string stationId, IReadOnlyList<VariableWrite> writes, CommandActor actor, CancellationToken ct) =>
        RunAsync(stationId, "SetVariables", "setVariableResult", writes, batch => new SetVariablesArguments(batch), actor, ct);

    /// <summary>The station's limits for <paramref name="action"/> (GetVariables / SetVariables) from its device model.</summary>
    public async Task<MessageLimits> LimitsAsync(string stationId, string action, CancellationToken ct)
    {
        var items = new VariableAddress(DeviceDataCtrlr, null, null, null, "ItemsPerMessage", action);
        var bytes = new VariableAddress(DeviceDataCtrlr, null, null, null, "BytesPerMessage", action);
        var values = await store.ActualValuesAsync(stationId, [items, bytes], ct);
        return new MessageLimits(Positive(values, items), Positive(values, bytes));
    }

    private async Task<CommandResult<VariablesAnswer>> RunAsync<T>(
        string stationId, string action, string resultsProperty, IReadOnlyList<T> items, Func<IReadOnlyList<T>, StationOperation<VariablesAnswer>> operation,
        CommandActor actor, CancellationToken ct)
    {
        IReadOnlyList<IReadOnlyList<T>> batches;
        try
        {
            // The whole list is checked once as one request (empty, repeated items, schema limits of each value) ...
            FrameBytes(action, operation(items));

            // ... then cut to the station's limits, each batch measured as the frame it will be.
            batches = MessageBatches.Split(items, await LimitsAsync(stationId, action, ct), batch => FrameBytes(action, operation(batch)));
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

    private static int FrameBytes(string action, StationCommandArguments operation)
    {
        var call = StationCommandAdapters.For(OcppVersion.V201).Build(operation, new StationCommandContext());
        return Encoding.UTF8.GetByteCount(call.Payload.GetRawText()) + action.Length + FrameOverhead;
    }

    private static int? Positive(IReadOnlyDictionary<VariableAddress, string> values, VariableAddress address) =>
        values.TryGetValue(address, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
