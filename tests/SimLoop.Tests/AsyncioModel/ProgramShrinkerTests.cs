namespace SimLoop.Tests.AsyncioModel;

[TestFixture]
public sealed class ProgramShrinkerTests
{
    [Test]
    public void A_disagreement_shrinks_to_the_ops_it_needs_with_durations_of_one_and_main_keeps_its_awaits()
    {
        var program = new AsyncioProgram(3, [["spawn 1", "yield", "spawn 2", "await 1", "await 2"], ["cpu 5", "sleep 8", "yield"], ["block 3", "set 0"]]);

        // Stands in for "SimLoop and CPython disagree": t1 sleeps and t2 blocks.
        var shrunk = ProgramShrinker.Shrink(program, p => p.Tasks[1].Any(op => op.StartsWith("sleep", StringComparison.Ordinal)) && p.Tasks[2].Any(op => op.StartsWith("block", StringComparison.Ordinal)));

        Assert.That(shrunk.ToString(), Is.EqualTo("  main: await 1; await 2\n  t1: sleep 1\n  t2: block 1"));
    }

    [Test]
    public void The_generator_is_deterministic_and_every_program_ends_with_main_awaiting_its_tasks()
    {
        var first = ProgramGenerator.Generate(42UL, 50).Select(p => p.ToJson()).ToList();
        var second = ProgramGenerator.Generate(42UL, 50).Select(p => p.ToJson()).ToList();

        Assert.That(second, Is.EqualTo(first));
        foreach (var program in ProgramGenerator.Generate(42UL, 50))
        {
            // Spawners before their children; only a task that does nothing but hang may be left out.
            var awaited = program.Tasks[0].SkipWhile(op => !op.StartsWith("await", StringComparison.Ordinal)).Select(op => int.Parse(op[6..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var mustAwait = Enumerable.Range(1, program.Tasks.Count - 1).Where(t => program.Tasks[t] is not ["hang"]);
            Assert.That(awaited, Is.Ordered.Ascending, program.ToString());
            Assert.That(awaited, Is.SupersetOf(mustAwait), program.ToString());
        }
    }
}
