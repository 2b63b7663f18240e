namespace SimLoop.Tests.Cost;

public class ToThreadTests
{
    [Test]
    public void Jobs_beyond_the_pool_size_queue_and_finish_one_cost_later()
    {
        var finished = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            var jobs = Enumerable.Range(0, 5)
                .Select(i => Sim.Spawn("job" + i, async () =>
                {
                    await Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(100));
                    finished.Add(Sim.Elapsed);
                }))
                .ToArray();
            await Task.WhenAll(jobs);
        }, new SimOptions { WorkerThreads = 2 });

        Assert.That(finished, Is.EqualTo(new[] { 100, 100, 200, 200, 300 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
        Assert.That(result.Fairness.Workers.MaxQueueDelay, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(result.Fairness.Workers.TotalQueueDelay, Is.EqualTo(TimeSpan.FromMilliseconds(400)));
        Assert.That(result.Fairness.LoopBusy, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void The_work_runs_at_its_finish_instant_and_returns_its_value()
    {
        TimeSpan ranAt = default;
        var result = Sim.Run(async () => await Sim.ToThread(() =>
        {
            ranAt = Sim.Elapsed;
            return "parsed";
        }, TimeSpan.FromMilliseconds(250)));

        Assert.That(result.Value, Is.EqualTo("parsed"));
        Assert.That(ranAt, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }

    [Test]
    public void An_exception_of_the_work_surfaces_at_the_await()
    {
        string? caught = null;
        Sim.Run(async () =>
        {
            try
            {
                await Sim.ToThread(() => throw new FormatException("bad json"), TimeSpan.FromMilliseconds(10));
            }
            catch (FormatException e)
            {
                caught = e.Message + " at " + Sim.Elapsed;
            }
        });

        Assert.That(caught, Is.EqualTo("bad json at 00:00:00.0100000"));
    }

    [Test]
    public void Declaring_cpu_inside_the_work_is_refused_with_an_explanation()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
            await Sim.ToThread(() => Sim.Cpu(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1))))!;

        Assert.That(failure.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(failure.InnerException!.Message, Does.StartWith("Sim.Cpu was called inside Sim.ToThread work."));
    }
}
