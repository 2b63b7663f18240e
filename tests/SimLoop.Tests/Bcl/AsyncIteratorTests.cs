namespace SimLoop.Tests.Bcl;

// A compiler-generated async iterator completes MoveNextAsync from the step in which it yields; the
// `await foreach` that captured the loop's context is posted back, so each item costs one extra step.
public class AsyncIteratorTests
{
    private static async IAsyncEnumerable<int> Ticks(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Sim.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            yield return i;
        }
    }

    [Test]
    public void Await_foreach_receives_each_item_at_the_virtual_instant_it_was_yielded()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            await foreach (var item in Ticks(3))
            {
                log.Add($"{item} at {Sim.Elapsed.TotalSeconds}");
            }
        });

        Assert.That(log, Is.EqualTo(new[] { "0 at 1", "1 at 2", "2 at 3" }));

        // Per item: the timer wakes the iterator, then the consumer resumes in a step of its own.
        Assert.That(result.Trace.Steps.Select(step => step.Reason), Is.EqualTo(new[]
        {
            ReadyReason.Spawn,
            ReadyReason.Timer, ReadyReason.Continuation,
            ReadyReason.Timer, ReadyReason.Continuation,
            ReadyReason.Timer, ReadyReason.Continuation,
        }));
    }

    [Test]
    public void An_iterator_that_yields_without_waiting_takes_no_step()
    {
        static async IAsyncEnumerable<int> Immediate()
        {
            await Task.CompletedTask;
            yield return 1;
            yield return 2;
        }

        var items = new List<int>();
        var result = Sim.Run(async () =>
        {
            await foreach (var item in Immediate())
            {
                items.Add(item);
            }
        });

        Assert.That(items, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [Test]
    public void With_cancellation_on_sim_time_ends_the_enumeration_at_the_exact_cancel_instant()
    {
        var items = new List<int>();
        var cancelledAt = TimeSpan.MinValue;
        Sim.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(2500), Sim.Time);
            try
            {
                await foreach (var item in Ticks(10).WithCancellation(timeout.Token))
                {
                    items.Add(item);
                }
            }
            catch (OperationCanceledException)
            {
                cancelledAt = Sim.Elapsed;
            }
        });

        Assert.That(items, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(cancelledAt, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [Test]
    public void Two_consumers_of_two_iterators_interleave_by_virtual_time()
    {
        static async IAsyncEnumerable<string> Every(string name, int milliseconds)
        {
            for (var i = 0; i < 3; i++)
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(milliseconds));
                yield return $"{name}{i}@{Sim.Elapsed.TotalMilliseconds}";
            }
        }

        var log = new List<string>();
        Sim.Run(async () =>
        {
            Task Consume(string name, int milliseconds) => Sim.Spawn(name, async () =>
            {
                await foreach (var item in Every(name, milliseconds))
                {
                    log.Add(item);
                }
            });

            await Task.WhenAll(Consume("fast", 300), Consume("slow", 500));
        });

        Assert.That(log, Is.EqualTo(new[] { "fast0@300", "slow0@500", "fast1@600", "fast2@900", "slow1@1000", "slow2@1500" }));
    }

    [Test]
    public void Two_runs_of_the_same_async_iterator_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var consumers = Enumerable.Range(0, 2).Select(c => Sim.Spawn($"consumer{c}", async () =>
            {
                await foreach (var item in Ticks(3 + c))
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(100 * item));
                }
            }));
            await Task.WhenAll(consumers);
        });
}
