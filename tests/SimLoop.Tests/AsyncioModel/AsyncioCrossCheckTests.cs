using System.Globalization;
using System.Text;
using SimLoop.Loop;

namespace SimLoop.Tests.AsyncioModel;

/// <summary>
/// LoopModel.Asyncio against CPython's own asyncio: the same generated programs run on SimLoop and, through
/// asyncio_runner.py, on CPython with a virtual clock; the log (order and virtual times), the end time and the
/// outcome must be identical for every program. The default model is measured against the same programs and each
/// of its disagreements is attributed to the asyncio traits that remove it.
/// </summary>
[TestFixture]
public sealed class AsyncioCrossCheckTests
{
    private const ulong Seed = 0x14_0000;
    private const int ProgramCount = 500;

    private static readonly Lazy<(IReadOnlyList<AsyncioProgram> Programs, IReadOnlyList<ProgramRun> CPython)> s_corpus = new(() =>
    {
        var programs = ProgramGenerator.Generate(Seed, ProgramCount);
        return (programs, CPythonRunner.Run(programs));
    });

    [Test]
    public void Asyncio_model_agrees_with_CPython_on_every_generated_program()
    {
        var (programs, cpython) = s_corpus.Value;
        var disagreeing = programs.Where((p, i) => !ProgramInterpreter.Run(p, LoopModel.Asyncio).SameAs(cpython[i])).ToList();

        if (disagreeing.Count > 0)
        {
            var shrunk = ProgramShrinker.Shrink(disagreeing[0], p => !ProgramInterpreter.Run(p, LoopModel.Asyncio).SameAs(CPythonRunner.Run([p])[0]));
            Assert.Fail($"{disagreeing.Count} of {programs.Count} programs disagree with CPython. Smallest counterexample (shrunk from program {disagreeing[0].Id}):\n" +
                        $"{shrunk}\n  CPython:\n{CPythonRunner.Run([shrunk])[0]}\n  SimLoop (LoopModel.Asyncio):\n{ProgramInterpreter.Run(shrunk, LoopModel.Asyncio)}");
        }

        TestContext.Out.WriteLine($"LoopModel.Asyncio: {programs.Count} of {programs.Count} programs agree with CPython {CPythonRunner.PythonVersion} asyncio.");
    }

    [Test]
    public void Every_asyncio_trait_switched_off_gives_exactly_the_default_model()
    {
        var (programs, _) = s_corpus.Value;
        var differing = programs.Where(p => !Run(p, AsyncioTraits.None).SameAs(ProgramInterpreter.Run(p, LoopModel.Default))).Select(p => p.Id).ToList();

        Assert.That(differing, Is.Empty, "the asyncio pump with no trait should reproduce the default model on these programs");
    }

    [Test]
    public void Default_model_agreement_is_measured_and_every_disagreement_is_explained_by_asyncio_traits()
    {
        var (programs, cpython) = s_corpus.Value;
        var causes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var agree = 0;
        for (var i = 0; i < programs.Count; i++)
        {
            if (ProgramInterpreter.Run(programs[i], LoopModel.Default).SameAs(cpython[i]))
            {
                agree++;
                continue;
            }

            var cause = SmallestFix(programs[i], cpython[i]);
            causes[cause] = causes.GetValueOrDefault(cause) + 1;
        }

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"LoopModel.Default: {agree} of {programs.Count} programs agree with CPython asyncio; the {programs.Count - agree} others need:");
        foreach (var (cause, count) in causes)
        {
            report.Append(CultureInfo.InvariantCulture, $"\n  {count,4}  {cause}");
        }

        TestContext.Out.WriteLine(report);
        Assert.That(report.ToString(), Is.EqualTo(ExpectedDefaultModelReport));
    }

    // Measured; the reasoning is in docs/architecture.md ("The two loop models").
    private const string ExpectedDefaultModelReport =
        "LoopModel.Default: 419 of 500 programs agree with CPython asyncio; the 81 others need:\n" +
        "     1  Batches\n" +
        "     1  Batches + RunEnd\n" +
        "    22  RunEnd\n" +
        "    47  TwoHopWake\n" +
        "    10  TwoHopWake + Batches";

    /// <summary>The fewest asyncio traits that, switched on in the default model, make the program agree with CPython.</summary>
    private static string SmallestFix(AsyncioProgram program, ProgramRun cpython)
    {
        var subsets = Enumerable.Range(1, (int)AsyncioTraits.All)
            .Select(bits => (AsyncioTraits)bits)
            .OrderBy(traits => int.PopCount((int)traits))
            .ThenBy(traits => (int)traits);
        foreach (var traits in subsets)
        {
            if (Run(program, traits).SameAs(cpython))
            {
                return string.Join(" + ", Enum.GetValues<AsyncioTraits>().Where(t => t is not AsyncioTraits.None and not AsyncioTraits.All && traits.HasFlag(t)));
            }
        }

        return "none of the traits (an unexplained difference)";
    }

    [Test]
    public void Ties_in_heap_order_instead_of_creation_order_change_a_measured_number_of_programs()
    {
        // What an exact virtual clock under unmodified heap ordering would give: the third way SimLoop and a virtual-clock
        // asyncio can differ. Creation order (a real clock's order) is what the other tests compare against.
        var (programs, cpython) = s_corpus.Value;
        var heapOrder = CPythonRunner.Run(programs, heapTies: true);
        var changed = Enumerable.Range(0, programs.Count).Count(i => !heapOrder[i].SameAs(cpython[i]));

        TestContext.Out.WriteLine($"Timers due at the same instant in heap order change {changed} of {programs.Count} programs.");
        Assert.That(changed, Is.EqualTo(ExpectedHeapOrderChanges));
    }

    private const int ExpectedHeapOrderChanges = 1;

    private static ProgramRun Run(AsyncioProgram program, AsyncioTraits traits) =>
        ProgramInterpreter.Run(program, LoopModel.Default, traits);
}
