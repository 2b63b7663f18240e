using System.Globalization;
using SimLoop.Loop;

namespace SimLoop;

// Task identity: main and spawned tasks, each with a unique name, in creation order.
public sealed partial class EventLoop
{
    private readonly Dictionary<string, int> _nextSuffix = new(StringComparer.Ordinal);
    private SimTask _main = null!;

    internal Task<T> Spawn<T>(string name, Func<CancellationToken, Task> body, bool wantsToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        EnsureOnLoopThread("Sim.Spawn");
        var task = CreateTask(name);
        if (wantsToken)
        {
            task.Cancellation = new CancellationTokenSource();
        }

        var spawned = new SpawnedTask<T>(task, body);
        if (_shuttingDown)
        {
            // asyncio refuses new tasks while the loop closes; here they never start and are reported as cancelled.
            task.CancelledAtShutdown = true;
            return Task.FromCanceled<T>(new CancellationToken(canceled: true));
        }

        _ready.Enqueue(new ReadyItem(SpawnedTask<T>.Start, spawned, task, _now, ReadyReason.Spawn));
        if (Has(AsyncioTraits.AwaiterOrder))
        {
            AwaiterOrder.KeepRegistrationOrder(spawned.Completion);
        }

        return spawned.Completion;
    }

    private void StartMain(Func<Task> main)
    {
        _main = CreateTask("main");
        var spawned = new SpawnedTask<object?>(_main, _ => main());
        _ready.Enqueue(new ReadyItem(SpawnedTask<object?>.Start, spawned, _main, _now, ReadyReason.Spawn));
    }

    /// <summary>A new task with a unique name: a repeated name gets "#2", "#3", ... so reports can address every task.</summary>
    private SimTask CreateTask(string name)
    {
        // The next suffix to try per base name: spawning thousands of "worker"s costs one probe each, not thousands.
        var unique = name;
        if (!_taskNames.Add(unique))
        {
            var n = _nextSuffix.GetValueOrDefault(name, 2);
            do
            {
                unique = name + "#" + n.ToString(CultureInfo.InvariantCulture);
                n++;
            }
            while (!_taskNames.Add(unique));
            _nextSuffix[name] = n;
        }

        var task = new SimTask(_tasks.Count + 1, unique);
        _tasks.Add(task);
        return task;
    }

    private string TaskName(int id) => id == 0 ? _loopTask.Name : _tasks[id - 1].Name;
}
