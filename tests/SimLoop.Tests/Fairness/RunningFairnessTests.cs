namespace SimLoop.Tests.Fairness;

// Sim.Current.Fairness: the report so far, from inside the run, with the figures SimResult.Fairness would give if
// the run ended at that moment (the step that asks counts as ending there).
public class RunningFairnessTests
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void Asked_in_mains_last_step_the_snapshot_is_the_final_report()
    {
        string? inside = null;
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(Ms(200)));
            await Sim.Delay(Ms(150));
            Sim.Cpu(Ms(300), "parse");
            await heartbeat;
            inside = Sim.Current.Fairness.ToString();
        });

        Assert.That(inside, Is.EqualTo(result.Fairness.ToString()));
        Assert.That(result.Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(Ms(250)));
    }

    [Test]
    public void The_running_steps_section_is_counted_before_the_step_ends()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(Ms(100));
            Sim.Cpu(Ms(300), "parse");
            var report = Sim.Current.Fairness;
            return (report.Task("main").CpuTime, report.Task("main").Steps, report.LoopBusy, report.SlowSteps.Single(), report.Task("main").MaxTimerLateness);
        });

        Assert.That(result.Value, Is.EqualTo((Ms(300), 2L, Ms(300), new SlowStep(Ms(100), Ms(300), "main", "parse", SectionKind.Cpu), TimeSpan.Zero)));
    }

    [Test]
    public void A_fairness_bound_checked_inside_an_explored_test_fails_the_iteration_with_the_table()
    {
        var explored = Sim.Explore(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(Ms(200)));
            await Sim.Delay(Ms(150));
            Sim.Cpu(Ms(300), "parse");
            await heartbeat;
            Sim.Current.Fairness.AssertMaxLoopLag(Ms(100));
        }, new ExploreOptions { Iterations = 5, Seed = 1, Parallelism = 1 });

        Assert.That(explored.Failure, Is.Not.Null);
        Assert.That(explored.Failure!.Exception, Is.InstanceOf<FairnessAssertionException>());
        Assert.That(explored.Failure.Message, Does.Contain("heartbeat"));
    }
}
