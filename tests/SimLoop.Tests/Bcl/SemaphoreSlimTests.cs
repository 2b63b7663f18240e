namespace SimLoop.Tests.Bcl;

// SemaphoreSlim.WaitAsync() (no argument) returns its waiter task itself; Release completes it and the awaiter,
// which captured the loop's context, is posted back to the loop. The overloads taking a token or a timeout
// leave the loop: see SemaphoreSlimEscapeTests and docs/limitations.md.
public class SemaphoreSlimTests
{
    [Test]
    public void Wait_async_with_a_free_slot_completes_synchronously_without_a_step()
    {
        var completedAtOnce = false;
        var remaining = -1;
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(2);
            var entering = semaphore.WaitAsync();
            completedAtOnce = entering.IsCompleted;
            await entering;
            remaining = semaphore.CurrentCount;
        });

        Assert.That(completedAtOnce, Is.True);
        Assert.That(remaining, Is.EqualTo(1));
        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [Test]
    public void Waiters_enter_in_arrival_order_each_when_the_previous_holder_releases()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(1);
            Task Worker(string name) => Sim.Spawn(name, async () =>
            {
                await semaphore.WaitAsync();
                log.Add($"{name} in at {Sim.Elapsed.TotalSeconds}");
                await Sim.Delay(TimeSpan.FromSeconds(1));
                semaphore.Release();
            });

            await Task.WhenAll(Worker("W1"), Worker("W2"), Worker("W3"));
        });

        Assert.That(log, Is.EqualTo(new[] { "W1 in at 0", "W2 in at 1", "W3 in at 2" }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Release_resumes_the_waiter_in_a_step_of_its_own_after_the_releasing_step()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            var waiter = Sim.Spawn("waiter", async () =>
            {
                await semaphore.WaitAsync();
                log.Add("waiter entered");
            });
            var releaser = Sim.Spawn("releaser", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                semaphore.Release();
                log.Add("releaser after Release");
            });
            await Task.WhenAll(waiter, releaser);
        });

        Assert.That(log, Is.EqualTo(new[] { "releaser after Release", "waiter entered" }));
    }

    [Test]
    public void A_semaphore_of_two_runs_four_one_second_jobs_in_two_seconds()
    {
        var entries = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(2);
            var jobs = Enumerable.Range(1, 4).Select(i => Sim.Spawn($"job{i}", async () =>
            {
                await semaphore.WaitAsync();
                entries.Add(Sim.Elapsed);
                await Sim.Delay(TimeSpan.FromSeconds(1));
                semaphore.Release();
            }));
            await Task.WhenAll(jobs);
        });

        Assert.That(entries, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Two_runs_of_the_same_semaphore_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            using var semaphore = new SemaphoreSlim(1);
            var jobs = Enumerable.Range(1, 3).Select(i => Sim.Spawn($"job{i}", async () =>
            {
                await semaphore.WaitAsync();
                await Sim.Delay(TimeSpan.FromSeconds(i));
                semaphore.Release();
            }));
            await Task.WhenAll(jobs);
        });
}
