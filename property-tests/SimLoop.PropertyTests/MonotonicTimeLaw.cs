using FsCheck;
using SimLoop.PropertyTests.Support;
using SimLoop.PropertyTests.Workloads;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 7: virtual time never goes backwards and moves inside a step only by declared costs. Across the trace,
/// each step starts no earlier than the previous one ended; inside a step the sections are back to back from its
/// start to its end; and the code itself sees Sim.Now after Sim.Cpu(c) or Sim.Block(c) equal to before + c.
/// </summary>
public class MonotonicTimeLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(WorkloadArbitrary)])]
    public Property Virtual_time_never_goes_backwards_and_moves_in_a_step_only_by_its_costs(Workload workload)
    {
        var run = WorkloadRun.Of(workload);
        var steps = run.Result.Trace.Steps;

        var acrossSteps = steps.Zip(steps.Skip(1)).Select(pair => Expect.That(
            $"step {pair.Second.Index} starts at {Ms.Text(pair.Second.Start)}, not before step {pair.First.Index} ended at {Ms.Text(pair.First.End)}",
            pair.Second.Start >= pair.First.End));

        var insideSteps = steps.Select(step =>
        {
            // The sections tile [Start, End): each starts where the previous ended.
            var cursor = step.Start;
            var tiled = true;
            foreach (var section in step.Sections)
            {
                tiled &= section.Start == cursor;
                cursor = section.Start + section.Duration;
            }

            return Expect.That($"sections of step {step.Index} tile [{Ms.Text(step.Start)}, {Ms.Text(step.End)})", tiled && cursor == step.End);
        });

        var seenByCode = run.Sections.Select((s, i) => Expect.Equal(
            $"Sim.Now after section {i} ({s.Kind} {Ms.Text(s.Cost)} in {s.Task})", s.After, s.Before + s.Cost));

        return Expect.All(acrossSteps.Concat(insideSteps).Concat(seenByCode).Append(
            Expect.Equal("elapsed is the end of the last step", run.Result.Elapsed, steps.Count == 0 ? TimeSpan.Zero : steps[^1].End)));
    }
}
