using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;

namespace ChargePortal.Benchmarks;

/// <summary>
/// What schema validation costs on the hot path: the load benchmark's three messages (and their answers) parsed
/// alone, then parsed and validated both ways, single-threaded. Reported per message, next to parsing.
/// </summary>
internal static class ValidationCost
{
    private static readonly (string Action, string Request, string Response)[] Messages =
    [
        ("Heartbeat", "{}", """{"currentTime":"2026-11-25T10:00:00.000Z"}"""),
        ("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""", "{}"),
        ("MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2026-11-25T10:00:00.000Z","sampledValue":[{"value":"1230","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""", "{}"),
    ];

    public static void Run(int iterations)
    {
        var frames = Messages.Select((m, i) => (m.Action, Frame: Encoding.UTF8.GetBytes($"[2,\"{i}\",\"{m.Action}\",{m.Request}]"),
            Response: OcppFrameParser.Parse(Encoding.UTF8.GetBytes($"[3,\"{i}\",{m.Response}]"), OcppVersion.V16))).ToArray();

        // Both paths warmed until the JIT has tiered them up, then measured in alternating rounds (best of five) so
        // neither gains from running second.
        Measure(frames, iterations, validate: false);
        Measure(frames, iterations, validate: true);
        var parseOnly = double.MaxValue;
        var parseAndValidate = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            parseOnly = Math.Min(parseOnly, Measure(frames, iterations, validate: false));
            parseAndValidate = Math.Min(parseAndValidate, Measure(frames, iterations, validate: true));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best of 5 rounds of {iterations:N0} messages: parse: {parseOnly:0.00} µs/message; parse + validate request and response: {parseAndValidate:0.00} µs/message; validation adds {parseAndValidate - parseOnly:0.00} µs/message"));
    }

    private static double Measure((string Action, byte[] Frame, OcppFrameParseResult Response)[] frames, int iterations, bool validate)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var (action, frame, response) = frames[i % frames.Length];
            var parsed = OcppFrameParser.Parse(frame, OcppVersion.V16);
            if (validate && parsed.Frame is OcppCall call && response.Frame is OcppCallResult result
                && !(OcppSchemaValidator.Validate(OcppVersion.V16, action, OcppMessageKind.Request, call.Payload).IsValid
                    && OcppSchemaValidator.Validate(OcppVersion.V16, action, OcppMessageKind.Response, result.Payload).IsValid))
            {
                throw new InvalidOperationException($"{action} should be valid.");
            }
        }

        return clock.Elapsed.TotalMicroseconds / iterations;
    }
}
