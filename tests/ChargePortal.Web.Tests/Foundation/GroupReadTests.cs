using ChargePortal.Web.Data;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// The group read behind the handshake's station read and the open-session check: callers arriving while a read runs
/// share the next query, every caller gets its own key's value, and no caller is answered by a read that began before it asked.
/// </summary>
public sealed class GroupReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Callers_arriving_during_a_read_share_the_next_query_and_each_gets_its_own_value()
    {
        var queries = new List<string[]>();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = new GroupRead<string, string>(async (keys, _) =>
        {
            lock (queries)
            {
                queries.Add([.. keys]);
            }

            if (keys.Contains("first"))
            {
                firstRunning.TrySetResult();
                await releaseFirst.Task;
            }

            // "missing" is not in the database.
            return keys.Where(k => k != "missing").ToDictionary(k => k, k => "value of " + k);
        });

        var first = reads.ReadAsync("first", Ct);
        await firstRunning.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var later = Enumerable.Range(0, 20).Select(i => reads.ReadAsync($"S{i}", Ct)).ToList();
        var missing = reads.ReadAsync("missing", Ct);
        var again = reads.ReadAsync("first", Ct);
        releaseFirst.SetResult();

        (await first).ShouldBe("value of first");
        for (var i = 0; i < later.Count; i++)
        {
            (await later[i]).ShouldBe($"value of S{i}");
        }

        (await missing).ShouldBeNull();

        // Asked while the first read ran: answered by a read of its own, not by the one already under way.
        (await again).ShouldBe("value of first");
        queries.Count.ShouldBe(2);
        queries[1].Length.ShouldBe(22);
        queries[1].ShouldContain("first");
        reads.Reads.ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_query_fails_the_callers_of_its_batch_and_the_next_one_reads_afresh()
    {
        var fail = true;
        var reads = new GroupRead<int, int>((keys, _) => fail
            ? throw new InvalidOperationException("database unavailable")
            : Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 10)));

        (await Should.ThrowAsync<InvalidOperationException>(() => reads.ReadAsync(1, Ct))).Message.ShouldBe("database unavailable");
        fail = false;
        (await reads.ReadAsync(2, Ct)).ShouldBe(20);
    }

    [Fact]
    public async Task A_batch_holds_at_most_the_key_limit_and_the_rest_follow_in_the_next_query()
    {
        var sizes = new List<int>();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = new GroupRead<int, int>(async (keys, _) =>
        {
            lock (sizes)
            {
                sizes.Add(keys.Count);
            }

            running.TrySetResult();
            await gate.Task;
            return keys.ToDictionary(k => k, k => k);
        }, maxKeys: 5);

        var blocker = reads.ReadAsync(-1, Ct);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var waiting = Enumerable.Range(0, 12).Select(i => reads.ReadAsync(i, Ct)).ToList();
        gate.SetResult();
        await blocker;
        (await Task.WhenAll(waiting)).ShouldBe(Enumerable.Range(0, 12));
        sizes.ShouldBe([1, 5, 5, 2]);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_cancel_the_read_its_neighbours_wait_for()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = new GroupRead<string, string>(async (keys, ct) =>
        {
            await gate.Task;
            ct.IsCancellationRequested.ShouldBeFalse();
            return keys.ToDictionary(k => k, k => k.ToUpperInvariant());
        });

        using var impatient = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var gaveUp = reads.ReadAsync("a", impatient.Token);
        var patient = reads.ReadAsync("b", Ct);
        await impatient.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => gaveUp);
        gate.SetResult();
        (await patient).ShouldBe("B");
    }
}
