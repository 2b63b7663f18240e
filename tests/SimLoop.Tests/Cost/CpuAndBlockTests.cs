namespace SimLoop.Tests.Cost;

public class CpuAndBlockTests
{
    [Test]
    public void A_timer_due_inside_a_cpu_section_fires_late_by_exactly_the_rest_of_the_section()
    {
        // The frozen loop: heartbeat due at 200 ms, a 300 ms CPU section from 150 ms to 450 ms.
        TimeSpan beat = default;
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(200));
                beat = Sim.Elapsed;
            });
            var cruncher = Sim.Spawn("cruncher", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(150));
                Sim.Cpu(TimeSpan.FromMilliseconds(300), "parse");
            });
            await Task.WhenAll(heartbeat, cruncher);
        });

        Assert.That(beat, Is.EqualTo(TimeSpan.FromMilliseconds(450)));
        Assert.That(result.Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(result.Fairness.MaxLoopLag, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }

    [Test]
    public void Now_after_a_section_is_the_start_plus_its_cost()
    {
        TimeSpan before = default, afterCpu = default, afterBlock = default;
        Sim.Run(() =>
        {
            before = Sim.Elapsed;
            Sim.Cpu(TimeSpan.FromMilliseconds(40));
            afterCpu = Sim.Elapsed;
            Sim.Block(TimeSpan.FromMilliseconds(60));
            afterBlock = Sim.Elapsed;
            return Task.CompletedTask;
        });

        Assert.That(afterCpu - before, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
        Assert.That(afterBlock - afterCpu, Is.EqualTo(TimeSpan.FromMilliseconds(60)));
    }

    [Test]
    public void Cpu_and_block_are_counted_separately_per_task()
    {
        var result = Sim.Run(() =>
        {
            Sim.Cpu(TimeSpan.FromMilliseconds(30));
            Sim.Block(TimeSpan.FromMilliseconds(120), "time.sleep");
            return Task.CompletedTask;
        });

        var main = result.Fairness.Task("main");
        Assert.That(main.CpuTime, Is.EqualTo(TimeSpan.FromMilliseconds(30)));
        Assert.That(main.BlockTime, Is.EqualTo(TimeSpan.FromMilliseconds(120)));
        Assert.That(result.Fairness.SlowSteps, Is.EqualTo(new[]
        {
            new SlowStep(TimeSpan.Zero, TimeSpan.FromMilliseconds(150), "main", "time.sleep", SectionKind.Block),
        }));
    }

    [Test]
    public void A_negative_cost_is_refused()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(() =>
        {
            Sim.Cpu(TimeSpan.FromMilliseconds(-1));
            return Task.CompletedTask;
        }))!;
        Assert.That(failure.InnerException, Is.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(failure.InnerException!.Message, Does.StartWith("Sim.Cpu needs a non-negative duration."));
    }
}
