using System.Threading.Channels;

namespace SimLoop.Tests.Threads;

// Work a simulation queues to the thread pool runs as a step of the task that queued it (ready by ThreadPool), at
// the virtual instant it was queued, in the order the strategy picks: the request/reply patterns that used to pass
// with a wrong winner now give exactly the answer a real system gives.
public class PoolWorkTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

#pragma warning disable RS0030 // Task.Run and ThreadPool are what these tests are about
    [Test]
    public void Task_run_runs_as_a_step_of_the_task_that_queued_it_at_the_instant_it_was_queued()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(Second);
            return await Task.Run(() => Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo(Second));
        Assert.That(result.Trace.Steps.Select(step => (step.Task, step.Reason, step.Start)), Is.EqualTo(new[]
        {
            ("main", ReadyReason.Spawn, TimeSpan.Zero),
            ("main", ReadyReason.Timer, Second),
            ("main", ReadyReason.ThreadPool, Second),
            ("main", ReadyReason.Continuation, Second),
        }));
    }

    [Test]
    public void Async_work_given_to_task_run_comes_back_to_the_loop_at_its_awaits()
    {
        var result = Sim.Run(async () => await Task.Run(async () =>
        {
            await Sim.Delay(2 * Second);
            return Sim.Elapsed;
        }));

        Assert.That(result.Value, Is.EqualTo(2 * Second));
    }

    [Test]
    public void Fire_and_forget_start_new_runs_at_the_instant_it_was_started_even_if_nobody_awaits_it()
    {
        var ran = new List<(string? Task, TimeSpan At)>();
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(Second);
            _ = Task.Factory.StartNew(() => ran.Add((Sim.Current.CurrentTaskName, Sim.Elapsed)));
            await Sim.Delay(Second);
        });

        Assert.That(ran, Is.EqualTo(new[] { ("main", Second) }));
        Assert.That(result.Elapsed, Is.EqualTo(2 * Second));
    }

    [Test]
    public void Queue_user_work_item_runs_as_a_step_of_its_task()
    {
        var result = Sim.Run(async () =>
        {
            var ran = new TaskCompletionSource<string?>();
            ThreadPool.QueueUserWorkItem(_ => ran.SetResult(Sim.Current.CurrentTaskName));
            return await ran.Task;
        });

        Assert.That(result.Value, Is.EqualTo("main"));
    }

    [Test]
    public void A_reply_that_runs_continuations_asynchronously_wins_when_any_against_a_timeout_at_its_own_instant()
    {
        // The request/response correlator of every RPC client: the reply at 1 s, the timeout at 10 s.
        var result = Sim.Run(async () =>
        {
            var (reply, server) = ServerReplyingAfter(Second);
            var winner = await Task.WhenAny(reply.Task, Sim.Delay(10 * Second));
            await server;
            return (ReplyWon: winner == reply.Task, At: Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((true, Second)));
    }

    [Test]
    public void A_reply_that_runs_continuations_asynchronously_ends_wait_async_on_sim_time_at_its_own_instant()
    {
        var result = Sim.Run(async () =>
        {
            var (reply, server) = ServerReplyingAfter(Second);
            var answer = await reply.Task.WaitAsync(5 * Second, Sim.Time);
            await server;
            return (answer, Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((42, Second)));
    }

    [Test]
    public void Read_all_async_receives_each_write_at_its_instant()
    {
        var received = new List<(int, TimeSpan)>();
        Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var consumer = Sim.Spawn("consumer", async () =>
            {
                await foreach (var item in channel.Reader.ReadAllAsync())
                {
                    received.Add((item, Sim.Elapsed));
                }
            });
            for (var i = 1; i <= 3; i++)
            {
                await Sim.Delay(Second);
                await channel.Writer.WriteAsync(i);
            }

            channel.Writer.Complete();
            await consumer;
        });

        Assert.That(received, Is.EqualTo(new[] { (1, Second), (2, 2 * Second), (3, 3 * Second) }));
    }

    [Test]
    public void Semaphore_wait_async_with_a_token_enters_at_the_release_instant()
    {
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            using var cancellation = new CancellationTokenSource();
            var waiter = Sim.Spawn("waiter", async () =>
            {
                await semaphore.WaitAsync(cancellation.Token);
                return Sim.Elapsed;
            });
            await Sim.Delay(Second);
            semaphore.Release();
            return await waiter;
        });

        Assert.That(result.Value, Is.EqualTo(Second));
    }

    [Test]
    public void Cancel_async_runs_the_callbacks_at_the_instant_it_is_called()
    {
        var result = Sim.Run(async () =>
        {
            using var cancellation = new CancellationTokenSource();
            var cancelledAt = TimeSpan.MinValue;
            using var registration = cancellation.Token.Register(() => cancelledAt = Sim.Elapsed);
            await Sim.Delay(Second);
            await cancellation.CancelAsync();
            return cancelledAt;
        });

        Assert.That(result.Value, Is.EqualTo(Second));
    }

    [Test]
    public void Two_hundred_task_runs_in_a_random_order_finish_and_replay_exactly()
    {
        static SimResult Fanout(ulong seed) => Sim.Run(async () =>
        {
            var order = new List<int>();
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => order.Add(i))));
            Assert.That(order, Has.Count.EqualTo(200));
        }, new SimOptions { Strategy = Strategy.Random, Seed = seed, RecordTrace = true });

        var first = Fanout(7);
        var again = Fanout(7);

        Assert.That(first.Steps, Is.EqualTo(202));
        Assert.That(again.ReplayToken, Is.EqualTo(first.ReplayToken));
    }

    [Test]
    public void Exploration_finds_a_lost_update_between_two_task_runs_and_replays_it()
    {
        var counter = 0;
        var explored = Sim.Explore(async () =>
        {
            counter = 0;
            async Task Increment()
            {
                var read = counter;
                await Task.Yield();
                counter = read + 1;
            }

            await Task.WhenAll(Task.Run(Increment), Task.Run(Increment));
            Assert.That(counter, Is.EqualTo(2));
        }, new ExploreOptions { Iterations = 200, Seed = 1, Parallelism = 1 });

        Assert.That(explored.Failure, Is.Not.Null, "the lost update is found");
        Assert.That(explored.Failure!.Exception, Is.InstanceOf<AssertionException>());
        var replayed = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            counter = 0;
            async Task Increment()
            {
                var read = counter;
                await Task.Yield();
                counter = read + 1;
            }

            await Task.WhenAll(Task.Run(Increment), Task.Run(Increment));
            Assert.That(counter, Is.EqualTo(2));
        }, new SimOptions { Replay = explored.Failure.ReplayToken }))!;
        Assert.That(replayed.InnerException, Is.InstanceOf<AssertionException>());
    }

    [Test]
    public void The_same_run_a_thousand_times()
    {
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        for (var run = 0; run < 1000; run++)
        {
            var result = Sim.Run(async () =>
            {
                var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                var server = Sim.Spawn("server", async () =>
                {
                    await Task.Run(() => { });
                    await Sim.Delay(Second).ConfigureAwait(false);
                    reply.SetResult(42);
                });
                var winner = await Task.WhenAny(reply.Task, Sim.Delay(Second + TimeSpan.FromTicks(1)));
                await server;
                return winner == reply.Task; // main ends at 1 s; the pending delay is cancelled at shutdown
            });
            outcomes.Add($"{result.Value} {result.Elapsed} {result.Steps} {result.Trace.Hash}");
        }

        Assert.That(outcomes, Has.Count.EqualTo(1), string.Join("\n", outcomes));
        Assert.That(outcomes.Single(), Does.StartWith("True 00:00:01 7 "));
    }

    [Test]
    public void Work_queued_while_execution_context_flow_is_suppressed_fails_at_its_step_because_its_end_could_not_be_seen()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(Second);
            using (ExecutionContext.SuppressFlow())
            {
                ThreadPool.QueueUserWorkItem(_ => { });
            }
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: task 'main' handed work to a real thread at virtual time 00:00:01.000 (step 1): ThreadPool.QueueUserWorkItem() queued work to the thread pool, " +
            "and SimLoop cannot run it: ExecutionContext flow is suppressed (ExecutionContext.SuppressFlow) in this step. Called from:"));
    }

    // The request/response correlator's other side: a server answering 42, after a delay, through a source that runs
    // continuations asynchronously, as RPC clients create them.
    private static (TaskCompletionSource<int> Reply, Task Server) ServerReplyingAfter(TimeSpan delay)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = Sim.Spawn("server", async () =>
        {
            await Sim.Delay(delay);
            reply.SetResult(42);
        });
        return (reply, server);
    }

    [Test]
    public void Strict_mode_fails_task_run_at_the_step_that_calls_it()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () => await Task.Run(() => 1), new SimOptions { RejectThreadPoolWork = true }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: task 'main' handed work to a real thread at virtual time 00:00:00.000 (step 0): Task.Run() queued work to the thread pool, " +
            "and SimOptions.RejectThreadPoolWork forbids it. Called from:"));
    }
#pragma warning restore RS0030
}
