using System.Globalization;
using SimLoop.Loop;

namespace SimLoop.Tests.AsyncioModel;

/// <summary>Runs an <see cref="AsyncioProgram"/> on SimLoop, op for op as asyncio_runner.py runs it on CPython.</summary>
internal static class ProgramInterpreter
{
    public static ProgramRun Run(AsyncioProgram program, LoopModel model, AsyncioTraits? traits = null, Strategy? strategy = null, ulong seed = 0)
    {
        var state = new RunState(program);
        try
        {
            var options = new SimOptions { LoopModel = model, AsyncioTraits = traits, Strategy = strategy ?? Strategy.Fifo, Seed = seed };
            var result = Sim.Run(() => state.Body(0), options);
            return new ProgramRun(state.Log, Milliseconds(result.Elapsed), "ok");
        }
        catch (SimulationFailedException failed)
        {
            var steps = failed.Failure.Trace.Steps;
            var elapsed = steps.Count == 0 ? 0 : Milliseconds(steps[^1].End);
            var outcome = failed.Kind switch
            {
                FailureKind.Deadlock => "deadlock",
                FailureKind.Exception when failed.InnerException is Boom boom => "exception " + boom.Message,
                _ => $"failure {failed.Kind}: {failed.Failure.What}",
            };
            return new ProgramRun(state.Log, elapsed, outcome);
        }
    }

    private static long Milliseconds(TimeSpan time) => time.Ticks / TimeSpan.TicksPerMillisecond;

    public sealed class Boom(string task) : Exception(task);

    private sealed class RunState(AsyncioProgram program)
    {
        private readonly Dictionary<int, Task> _tasks = [];
        private readonly Dictionary<string, TaskCompletionSource> _futures = new(StringComparer.Ordinal);

        public List<string> Log { get; } = [];

        private TaskCompletionSource Future(string key)
        {
            if (!_futures.TryGetValue(key, out var future))
            {
                future = new TaskCompletionSource();
                _futures[key] = future;
            }

            return future;
        }

        public async Task Body(int index)
        {
            var name = AsyncioProgram.TaskName(index);
            void Say(string text) => Log.Add(string.Create(CultureInfo.InvariantCulture, $"{Milliseconds(Sim.Elapsed)} {name} {text}"));

            Say("start");
            foreach (var op in program.Tasks[index])
            {
                var space = op.IndexOf(' ', StringComparison.Ordinal);
                var kind = space < 0 ? op : op[..space];
                var arg = space < 0 ? "" : op[(space + 1)..];
                var ms = TimeSpan.FromMilliseconds(kind is "sleep" or "tsleep" or "cpu" or "block" ? int.Parse(arg, CultureInfo.InvariantCulture) : 0);
                switch (kind)
                {
                    case "spawn":
                        var child = int.Parse(arg, CultureInfo.InvariantCulture);
                        _tasks[child] = Sim.Spawn(AsyncioProgram.TaskName(child), () => Body(child));
                        Say("spawn t" + arg);
                        break;
                    case "await":
                        if (!_tasks.TryGetValue(int.Parse(arg, CultureInfo.InvariantCulture), out var awaited))
                        {
                            Say($"await t{arg} unspawned");
                            break;
                        }

                        try
                        {
                            await awaited;
                            Say($"await t{arg} ok");
                        }
                        catch (Boom)
                        {
                            Say($"await t{arg} err");
                        }

                        break;
                    case "yield":
                        await Sim.Yield();
                        Say("yield");
                        break;
                    case "sleep":
                        await Sim.Delay(ms);
                        Say("slept " + arg);
                        break;
                    case "tsleep":
                        await Task.Delay(ms, Sim.Time);
                        Say("slept " + arg);
                        break;
                    case "cpu":
                        Sim.Cpu(ms);
                        Say("cpu " + arg);
                        break;
                    case "block":
                        Sim.Block(ms);
                        Say("block " + arg);
                        break;
                    case "set":
                        Future(arg).SetResult();
                        Say("set f" + arg);
                        break;
                    case "wait":
                        await Future(arg).Task;
                        Say("got f" + arg);
                        break;
                    case "throw":
                        Say("throw");
                        throw new Boom(name);
                    case "hang":
                        Say("hang");
                        await new TaskCompletionSource().Task;
                        break;
                    default:
                        throw new ArgumentException($"unknown op '{op}'");
                }
            }

            Say("end");
        }
    }
}
