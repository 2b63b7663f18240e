using SimLoop.Interception;
using SimLoop.Tests.Bcl;

namespace SimLoop.Tests.Diagnostics;

// The patterns that used to pass by a real thread's luck (or fail only when a pool thread was quick enough). A real
// timer fails at the step that arms it, in every run; so, in strict mode, does work queued to the thread pool
// (by default that work runs under the loop's control: Threads/PoolWorkTests).
public class HandoffTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void Strict_mode_when_any_of_a_reply_that_runs_continuations_asynchronously_and_a_sim_delay_fails_at_the_replying_step() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var server = Sim.Spawn("server", async () =>
            {
                await Sim.Delay(Second);
                reply.SetResult();
            });
            var winner = await Task.WhenAny(reply.Task, Sim.Delay(10 * Second));
            Assert.That(winner, Is.SameAs(reply.Task));
            await server;
        },
        Escapes.HandedOff("server", "00:00:01.000", step: 2, $"TaskCompletionSource.SetResult() {Escapes.ContinuationQueued}"));

    [Test]
    public void Strict_mode_wait_async_on_sim_time_of_a_reply_that_runs_continuations_asynchronously_fails_at_the_replying_step() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var server = Sim.Spawn("server", async () =>
            {
                await Sim.Delay(Second);
                reply.SetResult();
            });
            await reply.Task.WaitAsync(5 * Second, Sim.Time);
            await server;
        },
        Escapes.HandedOff("server", "00:00:01.000", step: 2, $"TaskCompletionSource.SetResult() {Escapes.ContinuationQueued}"));

    [Test]
    [NotRewritten] // a real timer, as code that is not rewritten arms one
    public void A_timeout_on_the_real_clock_fails_when_it_is_armed_not_when_it_would_fire() =>
        Escapes.AssertRunFailsAtItsStep(
            async () => await Task.WhenAny(Sim.Delay(5 * Second), Task.Delay(TimeSpan.FromMilliseconds(100))),
            Escapes.HandedOff("main", "00:00:00.000", step: 0, "Task.Delay() started a real timer (100 ms on the machine's clock)."));

    [Test]
    [NotRewritten] // a real timer, as code that is not rewritten arms one
    public void A_real_timer_fails_at_the_step_that_creates_it() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            await Sim.Delay(Second);
            using var timer = new Timer(_ => { }, null, 250, Timeout.Infinite);
        },
        Escapes.HandedOff("main", "00:00:01.000", step: 1, "new Timer(...) started a real timer (250 ms on the machine's clock)."));

    [Test]
    [NotRewritten] // a real timer, as code that is not rewritten arms one
    public void A_cancellation_token_source_with_a_real_delay_fails_at_the_step_that_creates_it() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            await Sim.Delay(Second);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        },
        Escapes.HandedOff("main", "00:00:01.000", step: 1, "new CancellationTokenSource(...) started a real timer (2000 ms on the machine's clock)."));

    [Test]
    public void Strict_mode_fire_and_forget_start_new_fails_at_the_step_that_queues_it() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            await Sim.Delay(Second);
            _ = Task.Factory.StartNew(() => { });
        },
        Escapes.HandedOff("main", "00:00:01.000", step: 1, "TaskFactory.StartNew() queued work to the thread pool" + Escapes.Forbidden));

    [Test]
    public void Strict_mode_queue_user_work_item_fails_at_the_step_that_queues_it() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            await Sim.Delay(Second);
#pragma warning disable RS0030 // the escape under test
            ThreadPool.QueueUserWorkItem(_ => { });
#pragma warning restore RS0030
        },
        Escapes.HandedOff("main", "00:00:01.000", step: 1, "ThreadPool.QueueUserWorkItem() queued work to the thread pool" + Escapes.Forbidden));

    [Test]
    public void Strict_mode_a_configure_await_false_after_sim_delay_fails_as_the_loop_fires_the_delay() =>
        Escapes.AssertRunFailsAtItsStep(
            async () => await Sim.Delay(Second).ConfigureAwait(false),
            $"SimLoop: the loop handed work to a real thread at virtual time 00:00:01.000 (after step 0): a timer of the simulation, firing, {Escapes.ContinuationQueued} Called from:");

    [Test]
    public void Strict_mode_gives_the_same_verdict_in_a_thousand_runs()
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var steps = new HashSet<long>();
        for (var run = 0; run < 1000; run++)
        {
            var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
            {
                var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var server = Sim.Spawn("server", async () =>
                {
                    await Sim.Delay(Second);
                    reply.SetResult();
                });
                await Task.WhenAny(reply.Task, Sim.Delay(10 * Second));
                await server;
            }, Escapes.Strict))!;
            lines.Add($"{failure.Kind} {Escapes.FirstLine(failure.Message)}");
            steps.Add(failure.Failure.Trace.TotalSteps);
        }

        Assert.That(lines, Is.EqualTo(new[] { $"UncontrolledConcurrency {Escapes.HandedOff("server", "00:00:01.000", step: 2, $"TaskCompletionSource.SetResult() {Escapes.ContinuationQueued}")}" }));
        Assert.That(steps, Is.EqualTo(new[] { 3L }));
    }
}
