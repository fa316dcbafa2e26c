using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;

namespace ChargePortal.Web.Ocpp.Commands;

public sealed partial class StationCommandService
{
    /// <summary>
    /// get-configuration on a 2.0.1 station naming more keys than one GetVariables may carry (its DeviceDataCtrlr
    /// ItemsPerMessage / BytesPerMessage for GetVariables, B06.FR.05): sent as several GetVariables, one after the other,
    /// and answered as one, the lists concatenated in order. Null when one call will do (the normal path sends it).
    /// </summary>
    private async Task<CommandResult<StationAnswer>?> SendInBatchesAsync(
        AppDbContext db, string stationId, int localListVersion, StationCommandArguments arguments, CancellationToken ct)
    {
        if (arguments is not GetConfigurationArguments { Keys.Count: > 1 } get || await router.FindAsync(stationId, ct) != OcppVersion.V201)
        {
            return null;
        }

        var adapter = StationCommandAdapters.For(OcppVersion.V201);
        IReadOnlyList<IReadOnlyList<string>> batches;
        try
        {
            adapter.Build(get, new StationCommandContext());
            batches = MessageBatches.Split(get.Keys, await messageLimits.MessageLimitsAsync(stationId, "GetVariables", ct),
                keys => MessageBatches.FrameBytes(adapter.Build(new GetConfigurationArguments(keys), new StationCommandContext())));
        }
        catch (StationCommandArgumentException ex)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.BadArguments, ex.Message);
        }

        if (batches.Count <= 1)
        {
            return null;
        }

        var answers = new List<StationAnswer>();
        foreach (var keys in batches)
        {
            var result = await SendAsync(db, stationId, localListVersion, new GetConfigurationArguments(keys), publicBaseUri: null, ct);
            if (result.Answer is not { } answer)
            {
                return answers.Count == 0
                    ? result
                    : CommandResult.Failed<StationAnswer>(result.Error! with
                    {
                        Detail = $"{result.Error!.Detail} (call {answers.Count + 1} of {batches.Count}; the first {answers.Sum(a => ((ConfigurationAnswer)a).Values.Count + ((ConfigurationAnswer)a).UnknownKeys.Count)} keys were answered)",
                    });
            }

            answers.Add(answer);
        }

        var first = answers.FirstOrDefault(a => a.Status != CommandStatus.Accepted) ?? answers[0];
        var merged = new JsonObject { ["action"] = "GetVariables", ["status"] = first.StatusText };
        foreach (var list in new[] { "getVariableResult", "configuration", "unknownKeys" })
        {
            merged[list] = new JsonArray([.. answers.SelectMany(a => a.Details[list]?.AsArray() ?? []).Select(n => n?.DeepClone())]);
        }

        merged["calls"] = batches.Count;
        return new CommandResult<StationAnswer>(get.ReadAnswer(merged, new StationCommandContext()));
    }
}
