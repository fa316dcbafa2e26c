using System.Text;
using System.Text.Json;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;

namespace ChargePortal.Ocpp.Tests;

public sealed class OcppRpcPeerTests : IAsyncDisposable
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingSender _sent = new();
    private readonly List<OcppRpcPeer> _peers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
    }

    private OcppRpcPeer Peer(OcppVersion version, IOcppCallHandler? handler = null, OcppRpcOptions? options = null, IOcppFrameSender? sender = null)
    {
        var peer = new OcppRpcPeer(version, sender ?? _sent, handler ?? OcppCallHandler.From((c, _) => ValueTask.FromResult(OcppCallOutcome.NotSupported(c.Action))), options ?? new OcppRpcOptions(), _time);
        _peers.Add(peer);
        return peer;
    }

    private static Task Receive(OcppRpcPeer peer, string frame) => peer.ReceiveAsync(Encoding.UTF8.GetBytes(frame), TestContext.Current.CancellationToken);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static (int Type, string Id, JsonElement Frame) Read(string frame)
    {
        var root = Json(frame);
        return (root[0].GetInt32(), root[1].GetString()!, root);
    }

    [Fact(Timeout = 15_000)]
    public async Task Call_is_correlated_with_its_result()
    {
        var peer = Peer(OcppVersion.V16);

        var call = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var (type, id, frame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        type.ShouldBe(2);
        frame[2].GetString().ShouldBe("Heartbeat");
        id.Length.ShouldBeLessThanOrEqualTo(36);

        await Receive(peer, $$"""[3,"{{id}}",{"currentTime":"2024-05-01T10:00:00Z"}]""");

        (await call).GetProperty("currentTime").GetString().ShouldBe("2024-05-01T10:00:00Z");
    }

    [Fact(Timeout = 30_000)]
    public async Task Answer_received_just_before_the_connection_closes_still_counts()
    {
        // A station that answers Reset and reboots at once: the result and the close arrive back to back, and the
        // caller's continuation may run only after the close. Repeated because the interleaving is a race.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var sent = new RecordingSender();
            var peer = Peer(OcppVersion.V16, sender: sent);
            var call = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
            var (_, id, _) = Read(await sent.NextAsync(TestContext.Current.CancellationToken));

            await Receive(peer, $$"""[3,"{{id}}",{"currentTime":"2024-05-01T10:00:00Z"}]""");
            await peer.DisposeAsync();

            (await call).GetProperty("currentTime").GetString().ShouldBe("2024-05-01T10:00:00Z", $"attempt {attempt}");
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task Answer_and_close_arriving_while_the_send_is_still_finishing_still_count()
    {
        // The send reaches the station, which answers and closes at once; the transport's send then fails because
        // the connection is gone (the socket closed under it).
        var sender = new AnswerThenCloseSender();
        var peer = Peer(OcppVersion.V16, sender: sender);
        sender.Peer = peer;

        var answer = await peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);

        answer.GetProperty("currentTime").GetString().ShouldBe("2024-05-01T10:00:00Z");
    }

    [Fact(Timeout = 15_000)]
    public async Task A_send_that_fails_with_no_answer_is_still_an_error()
    {
        var peer = Peer(OcppVersion.V16, sender: new FailingSender());

        await Should.ThrowAsync<OcppConnectionClosedException>(() => peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken));
    }

    private sealed class AnswerThenCloseSender : IOcppFrameSender
    {
        public OcppRpcPeer? Peer { get; set; }

        public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
        {
            var id = JsonDocument.Parse(utf8Frame).RootElement[1].GetString();
            await Peer!.ReceiveAsync(Encoding.UTF8.GetBytes($$"""[3,"{{id}}",{"currentTime":"2024-05-01T10:00:00Z"}]"""), ct);
            await Peer.DisposeAsync();
            throw new OcppConnectionClosedException();
        }
    }

    private sealed class FailingSender : IOcppFrameSender
    {
        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct) => throw new OcppConnectionClosedException();
    }

    [Fact(Timeout = 15_000)]
    public async Task Incoming_calls_are_answered_in_arrival_order_while_a_handler_waits()
    {
        var firstMayAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var peer = Peer(OcppVersion.V16, OcppCallHandler.From(async (call, _) =>
        {
            if (call.MessageId == "first")
            {
                await firstMayAnswer.Task;
            }

            return call.Respond(new V16.HeartbeatResponse { CurrentTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero) });
        }));

        // Both are queued and the receive path is free again although the first handler has not finished.
        await Receive(peer, """[2,"first","Heartbeat",{}]""");
        await Receive(peer, """[2,"second","Heartbeat",{}]""");
        _sent.TryNext(out _).ShouldBeFalse();

        firstMayAnswer.SetResult();
        Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id.ShouldBe("first");
        Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id.ShouldBe("second");
    }

    [Fact(Timeout = 15_000)]
    public async Task A_full_call_queue_holds_the_receive_path_until_a_call_is_answered()
    {
        var mayAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var peer = Peer(OcppVersion.V16, OcppCallHandler.From(async (call, _) =>
        {
            await mayAnswer.Task;
            return call.Respond(new V16.HeartbeatResponse { CurrentTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero) });
        }), new OcppRpcOptions { IncomingQueueCapacity = 1 });

        await Receive(peer, """[2,"a","Heartbeat",{}]""");
        var second = Receive(peer, """[2,"b","Heartbeat",{}]""");
        await Task.Delay(100, TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse();

        mayAnswer.SetResult();
        await second;
        Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id.ShouldBe("a");
        Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id.ShouldBe("b");
    }

    [Fact(Timeout = 15_000)]
    public async Task A_failing_handler_answers_InternalError_and_the_next_call_is_still_answered()
    {
        var peer = Peer(OcppVersion.V16, OcppCallHandler.From((call, _) => call.MessageId == "bad"
            ? throw new InvalidOperationException("handler bug")
            : ValueTask.FromResult(call.Respond(new V16.HeartbeatResponse { CurrentTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero) }))));

        await Receive(peer, """[2,"bad","Heartbeat",{}]""");
        await Receive(peer, """[2,"good","Heartbeat",{}]""");

        var (type, id, frame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        (type, id, frame[2].GetString()).ShouldBe((4, "bad", "InternalError"));
        (type, id, _) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        (type, id).ShouldBe((3, "good"));
    }

    [Fact(Timeout = 15_000)]
    public async Task Second_call_waits_until_the_first_is_answered()
    {
        var peer = Peer(OcppVersion.V16);

        var first = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var firstId = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        var second = peer.CallAsync("ClearCache", Empty, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        _sent.TryNext(out _).ShouldBeFalse("only one CALL may be outstanding");
        second.IsCompleted.ShouldBeFalse();

        await Receive(peer, $$"""[3,"{{firstId}}",{"currentTime":"2024-05-01T10:00:00Z"}]""");
        await first;

        var (_, secondId, secondFrame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        secondFrame[2].GetString().ShouldBe("ClearCache");
        secondId.ShouldNotBe(firstId);
        await Receive(peer, $$"""[3,"{{secondId}}",{"status":"Accepted"}]""");
        (await second).GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Fact(Timeout = 15_000)]
    public async Task Call_times_out_on_the_time_provider_and_a_late_result_is_ignored()
    {
        var peer = Peer(OcppVersion.V201, options: new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(30) });

        var call = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var id = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        call.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        var ex = await Should.ThrowAsync<OcppCallTimeoutException>(call);
        ex.Action.ShouldBe("Heartbeat");

        await Receive(peer, $$"""[3,"{{id}}",{"currentTime":"2024-05-01T10:00:00Z"}]""");
        _sent.TryNext(out _).ShouldBeFalse("a late result is not answered");

        var next = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var nextId = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        await Receive(peer, $$"""[3,"{{nextId}}",{"currentTime":"2024-05-01T10:00:00Z"}]""");
        await next;
    }

    [Theory(Timeout = 15_000)]
    [InlineData(OcppVersion.V16, "OccurenceConstraintViolation", OcppErrorCode.OccurrenceConstraintViolation)]
    [InlineData(OcppVersion.V201, "FormatViolation", OcppErrorCode.FormationViolation)]
    [InlineData(OcppVersion.V201, "SomethingNew", OcppErrorCode.GenericError)]
    public async Task Call_error_becomes_OcppCallErrorException(OcppVersion version, string wireCode, OcppErrorCode expected)
    {
        var peer = Peer(version);

        var call = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var id = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        await Receive(peer, $$"""[4,"{{id}}","{{wireCode}}","bad things",{"hint":1}]""");

        var ex = await Should.ThrowAsync<OcppCallErrorException>(call);
        ex.ErrorCode.ShouldBe(expected);
        ex.WireErrorCode.ShouldBe(wireCode);
        ex.Description.ShouldBe("bad things");
        ex.Details.GetProperty("hint").GetInt32().ShouldBe(1);
    }

    [Fact(Timeout = 15_000)]
    public async Task Invalid_outgoing_request_throws_without_sending()
    {
        var peer = Peer(OcppVersion.V16);

        var ex = await Should.ThrowAsync<OcppValidationException>(peer.CallAsync("Authorize", Json("""{"idTag":"123456789012345678901"}"""), TestContext.Current.CancellationToken));
        ex.ErrorCode.ShouldBe(OcppErrorCode.PropertyConstraintViolation);
        _sent.TryNext(out _).ShouldBeFalse();
    }

    [Fact(Timeout = 15_000)]
    public async Task Non_conforming_result_fails_the_call()
    {
        var peer = Peer(OcppVersion.V16);

        var call = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var id = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        await Receive(peer, $$"""[3,"{{id}}",{}]""");

        (await Should.ThrowAsync<OcppValidationException>(call)).ErrorCode.ShouldBe(OcppErrorCode.OccurrenceConstraintViolation);
    }

    [Fact(Timeout = 15_000)]
    public async Task Cancelled_queued_call_leaves_the_queue()
    {
        var peer = Peer(OcppVersion.V16);
        var first = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var firstId = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        using var cancel = new CancellationTokenSource();
        var cancelled = peer.CallAsync("ClearCache", Empty, cancel.Token);
        var third = peer.CallAsync("GetLocalListVersion", Empty, TestContext.Current.CancellationToken);

        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(cancelled);
        await Receive(peer, $$"""[3,"{{firstId}}",{"currentTime":"2024-05-01T10:00:00Z"}]""");
        await first;

        var (_, thirdId, frame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        frame[2].GetString().ShouldBe("GetLocalListVersion");
        await Receive(peer, $$"""[3,"{{thirdId}}",{"listVersion":4}]""");
        (await third).GetProperty("listVersion").GetInt32().ShouldBe(4);
    }

    [Fact(Timeout = 15_000)]
    public async Task Dispose_fails_outstanding_and_queued_calls()
    {
        var peer = Peer(OcppVersion.V201);
        var outstanding = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        await _sent.NextAsync(TestContext.Current.CancellationToken);
        var queued = peer.CallAsync("ClearCache", Empty, TestContext.Current.CancellationToken);

        await peer.DisposeAsync();

        await Should.ThrowAsync<OcppConnectionClosedException>(outstanding);
        await Should.ThrowAsync<OcppConnectionClosedException>(queued);
        await Should.ThrowAsync<OcppConnectionClosedException>(peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken));
    }

    [Theory(Timeout = 15_000)]
    [InlineData(OcppVersion.V16, "Teleport", "{}", "NotImplemented")]
    [InlineData(OcppVersion.V201, "Teleport", "{}", "NotImplemented")]
    [InlineData(OcppVersion.V16, "Authorize", "{}", "OccurenceConstraintViolation")]
    [InlineData(OcppVersion.V201, "Authorize", "{}", "OccurrenceConstraintViolation")]
    [InlineData(OcppVersion.V16, "Heartbeat", """{"x":1}""", "FormationViolation")]
    [InlineData(OcppVersion.V201, "Heartbeat", """{"x":1}""", "FormatViolation")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":"one","errorCode":"NoError","status":"Available"}""", "TypeConstraintViolation")]
    [InlineData(OcppVersion.V16, "ClearCache", "{}", "NotSupported")]
    public async Task Incoming_call_errors_use_the_version_spelling(OcppVersion version, string action, string payload, string wireCode)
    {
        var handled = false;
        var peer = Peer(version, OcppCallHandler.From((c, _) =>
        {
            handled = true;
            return ValueTask.FromResult(OcppCallOutcome.NotSupported(c.Action));
        }));

        await Receive(peer, $$"""[2,"m-1","{{action}}",{{payload}}]""");

        var (type, id, frame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        type.ShouldBe(4);
        id.ShouldBe("m-1");
        frame[2].GetString().ShouldBe(wireCode);
        handled.ShouldBe(wireCode == "NotSupported");
    }

    [Fact(Timeout = 15_000)]
    public async Task Handler_exception_becomes_InternalError_and_the_peer_keeps_working()
    {
        var calls = 0;
        var peer = Peer(OcppVersion.V16, OcppCallHandler.From((c, _) =>
        {
            if (calls++ == 0)
            {
                throw new InvalidOperationException("boom");
            }

            return ValueTask.FromResult(OcppCallOutcome.Result(Json("""{"currentTime":"2024-05-01T10:00:00Z"}""")));
        }));

        await Receive(peer, """[2,"a","Heartbeat",{}]""");
        var (type, id, frame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        (type, id, frame[2].GetString()).ShouldBe((4, "a", "InternalError"));

        await Receive(peer, """[2,"b","Heartbeat",{}]""");
        (type, id, _) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        (type, id).ShouldBe((3, "b"));
    }

    [Fact(Timeout = 15_000)]
    public async Task Non_conforming_handler_response_is_replaced_by_InternalError()
    {
        var peer = Peer(OcppVersion.V201, OcppCallHandler.From((c, _) => ValueTask.FromResult(OcppCallOutcome.Result(Json("""{"currentTime":"not a time"}""")))));

        await Receive(peer, """[2,"a","Heartbeat",{}]""");

        var (type, _, frame) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        type.ShouldBe(4);
        frame[2].GetString().ShouldBe("InternalError");
    }

    [Fact(Timeout = 15_000)]
    public async Task Incoming_calls_are_handled_one_at_a_time_in_arrival_order()
    {
        var running = 0;
        var maxRunning = 0;
        var order = new List<string>();
        var peer = Peer(OcppVersion.V16, OcppCallHandler.From(async (c, ct) =>
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            await Task.Delay(20, ct);
            lock (order)
            {
                order.Add(c.MessageId);
            }

            Interlocked.Decrement(ref running);
            return OcppCallOutcome.Result(Json("""{"currentTime":"2024-05-01T10:00:00Z"}"""));
        }));

        foreach (var id in new[] { "1", "2", "3" })
        {
            await Receive(peer, $$"""[2,"{{id}}","Heartbeat",{}]""");
        }

        var answered = new[] { Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id, Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id, Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id };
        answered.ShouldBe(["1", "2", "3"]);
        order.ShouldBe(["1", "2", "3"]);
        maxRunning.ShouldBe(1);
    }

    [Theory(Timeout = 15_000)]
    [InlineData(OcppVersion.V16, """[2,"abc","Heartbeat"]""", "abc", "FormationViolation")]
    [InlineData(OcppVersion.V201, """[2,"abc","Heartbeat"]""", "abc", "RpcFrameworkError")]
    [InlineData(OcppVersion.V201, """[7,"abc","Heartbeat",{}]""", "abc", "MessageTypeNotSupported")]
    [InlineData(OcppVersion.V16, """[7,"abc","Heartbeat",{}]""", "abc", "ProtocolError")]
    [InlineData(OcppVersion.V201, "not json", "-1", "RpcFrameworkError")]
    public async Task Malformed_frames_are_answered_with_a_call_error(OcppVersion version, string frame, string expectedId, string wireCode)
    {
        var peer = Peer(version);

        await Receive(peer, frame);

        var (type, id, error) = Read(await _sent.NextAsync(TestContext.Current.CancellationToken));
        (type, id, error[2].GetString()).ShouldBe((4, expectedId, wireCode));
    }

    [Fact(Timeout = 15_000)]
    public async Task Unreadable_1_6_frames_and_stray_results_get_no_answer()
    {
        var peer = Peer(OcppVersion.V16);

        await Receive(peer, "not json");
        await Receive(peer, """[3,"nobody-asked",{}]""");
        await Receive(peer, """[4,"nobody-asked","GenericError","",{}]""");
        await Task.Delay(50, TestContext.Current.CancellationToken);

        _sent.TryNext(out _).ShouldBeFalse();
    }

    [Fact(Timeout = 15_000)]
    public async Task Frame_log_sees_both_directions_with_the_action()
    {
        var peer = Peer(OcppVersion.V16);
        var log = new List<OcppFrameLogEntry>();
        peer.FrameLogged += (_, e) => log.Add(e);

        var call = peer.CallAsync("Heartbeat", Empty, TestContext.Current.CancellationToken);
        var id = Read(await _sent.NextAsync(TestContext.Current.CancellationToken)).Id;
        var result = $$"""[3,"{{id}}",{"currentTime":"2024-05-01T10:00:00Z"}]""";
        await Receive(peer, result);
        await call;

        log.Count.ShouldBe(2);
        log[0].ShouldBe(new OcppFrameLogEntry(OcppFrameDirection.Outgoing, $$"""[2,"{{id}}","Heartbeat",{}]""", OcppMessageType.Call, id, "Heartbeat", _time.GetUtcNow()));
        log[1].ShouldBe(new OcppFrameLogEntry(OcppFrameDirection.Incoming, result, OcppMessageType.CallResult, id, "Heartbeat", _time.GetUtcNow()));
    }

    [Fact(Timeout = 15_000)]
    public async Task Two_peers_back_to_back_do_a_1_6_BootNotification_while_the_CSMS_calls_back()
    {
        var toCsms = new PipeSender();
        var toStation = new PipeSender();
        OcppRpcPeer? csms = null;
        csms = Peer(OcppVersion.V16, sender: toStation, handler: OcppCallHandler.From(async (call, ct) =>
        {
            var boot = call.ReadRequest<V16.BootNotificationRequest>();
            // Calling the station from inside the handler must not deadlock.
            var config = await csms!.CallAsync<V16.GetConfigurationRequest, V16.GetConfigurationResponse>(
                "GetConfiguration", new V16.GetConfigurationRequest { Key = ["HeartbeatInterval"] }, ct);
            var interval = int.Parse(config.ConfigurationKey![0].Value!, System.Globalization.CultureInfo.InvariantCulture);
            return call.Respond(new V16.BootNotificationResponse
            {
                Status = boot.ChargePointVendor == "ChargePortal" ? V16.RegistrationStatus.Accepted : V16.RegistrationStatus.Rejected,
                CurrentTime = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
                Interval = interval,
            });
        }));
        var station = Peer(OcppVersion.V16, sender: toCsms, handler: OcppCallHandler.From((call, _) => ValueTask.FromResult(
            call.Action == "GetConfiguration"
                ? call.Respond(new V16.GetConfigurationResponse { ConfigurationKey = [new V16.KeyValue { Key = "HeartbeatInterval", Readonly = false, Value = "300" }] })
                : OcppCallOutcome.NotSupported(call.Action))));
        toCsms.Target = csms;
        toStation.Target = station;

        var response = await station.CallAsync<V16.BootNotificationRequest, V16.BootNotificationResponse>(
            "BootNotification", new V16.BootNotificationRequest { ChargePointVendor = "ChargePortal", ChargePointModel = "Sim-1" }, TestContext.Current.CancellationToken);

        response.Status.ShouldBe(V16.RegistrationStatus.Accepted);
        response.Interval.ShouldBe(300);
    }

    [Fact(Timeout = 15_000)]
    public async Task Two_peers_back_to_back_do_a_2_0_1_BootNotification()
    {
        var toCsms = new PipeSender();
        var toStation = new PipeSender();
        var csms = Peer(OcppVersion.V201, sender: toStation, handler: OcppCallHandler.From((call, _) =>
        {
            var boot = (V201.BootNotificationRequest)call.ReadRequest();
            return ValueTask.FromResult(call.Respond(new V201.BootNotificationResponse
            {
                Status = boot.Reason == V201.BootReasonEnum.PowerUp ? V201.RegistrationStatusEnum.Accepted : V201.RegistrationStatusEnum.Pending,
                CurrentTime = DateTimeOffset.UnixEpoch,
                Interval = 60,
            }));
        }));
        var station = Peer(OcppVersion.V201, sender: toCsms);
        toCsms.Target = csms;
        toStation.Target = station;

        var response = await station.CallAsync<V201.BootNotificationRequest, V201.BootNotificationResponse>(
            "BootNotification",
            new V201.BootNotificationRequest { Reason = V201.BootReasonEnum.PowerUp, ChargingStation = new V201.ChargingStation { VendorName = "ChargePortal", Model = "Sim-2" } },
            TestContext.Current.CancellationToken);

        response.Status.ShouldBe(V201.RegistrationStatusEnum.Accepted);
        response.Interval.ShouldBe(60);

        // The station's handler rejects what it does not support, and the CSMS sees it as a CALLERROR.
        var ex = await Should.ThrowAsync<OcppCallErrorException>(csms.CallAsync<V201.ClearCacheRequest, V201.ClearCacheResponse>("ClearCache", new V201.ClearCacheRequest(), TestContext.Current.CancellationToken));
        ex.ErrorCode.ShouldBe(OcppErrorCode.NotSupported);
    }

    [Fact(Timeout = 15_000)]
    public async Task Typed_call_rejects_records_of_another_action()
    {
        var peer = Peer(OcppVersion.V16);
        await Should.ThrowAsync<ArgumentException>(peer.CallAsync<V16.HeartbeatRequest, V16.HeartbeatResponse>("ClearCache", new V16.HeartbeatRequest(), TestContext.Current.CancellationToken));
    }
}
