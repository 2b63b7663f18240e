using System.Threading.Channels;

namespace SimLoop.Tests.Bcl;

// Some BCL tasks are completed on the thread pool by a work item that carries no ExecutionContext: Task.WhenAll,
// Task.WhenAny and Task.WaitAsync over a task that runs continuations asynchronously (Task.RunOrQueueCompletionAction
// queues their completion action with UnsafeQueueUserWorkItemInternal), and ValueTask.AsTask() of a channel
// operation (AsyncOperation.SignalCompletion queues with UnsafeQueueUserWorkItem). SimLoop hears the enqueue in the
// completing step and runs the work as a step (Threads/PoolWorkTests); in strict mode, pinned here, the run fails
// at that step with one exact line.
public class CompletedOnThePoolTests
{
    private static readonly CancellationTokenSource s_neverCancelled = new();

    public enum Combinator
    {
        WhenAll,
        WhenAny,
        WaitAsyncWithToken,
    }

    public enum ChannelOperation
    {
        ReadAsync,
        WaitToReadAsync,
        WriteAsyncToAFullChannel,
    }

    [TestCase(Combinator.WhenAll)]
    [TestCase(Combinator.WhenAny)]
    [TestCase(Combinator.WaitAsyncWithToken)]
    public void Strict_mode_combining_a_source_that_runs_continuations_asynchronously_fails_the_run_once_it_completes(Combinator combinator) =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var setter = Sim.Spawn("setter", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                first.SetResult();
                second.SetResult();
            });
            await Combine(first.Task, second.Task, combinator);
            await setter;
        },
        Escapes.HandedOff("setter", "00:00:01.000", step: 2, $"TaskCompletionSource.SetResult() {Escapes.ContinuationQueued}"));

    [TestCase(ChannelOperation.ReadAsync)]
    [TestCase(ChannelOperation.WaitToReadAsync)]
    [TestCase(ChannelOperation.WriteAsyncToAFullChannel)]
    public void Strict_mode_awaiting_as_task_of_a_channel_operation_that_has_to_wait_fails_the_run(ChannelOperation operation) =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            var channel = Channel.CreateBounded<int>(1);
            if (operation == ChannelOperation.WriteAsyncToAFullChannel)
            {
                channel.Writer.TryWrite(0);
            }

            // At 1 s the other side frees a slot (for the writer) or writes an item (for the readers).
            var other = Sim.Spawn("other", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                if (operation == ChannelOperation.WriteAsyncToAFullChannel)
                {
                    channel.Reader.TryRead(out _);
                }
                else
                {
                    channel.Writer.TryWrite(1);
                }
            });
            await (operation switch
            {
                ChannelOperation.ReadAsync => channel.Reader.ReadAsync().AsTask(),
                ChannelOperation.WaitToReadAsync => channel.Reader.WaitToReadAsync().AsTask(),
                _ => channel.Writer.WriteAsync(1).AsTask(),
            });
            await other;
        },
        Escapes.HandedOff("other", "00:00:01.000", step: 2,
            (operation == ChannelOperation.WriteAsyncToAFullChannel ? "BoundedChannelReader.TryRead() " : "BoundedChannelWriter.TryWrite() ") + Escapes.ChannelWaiterQueued));

    // Two sources: Task.WhenAll of a single task may hand back that task itself, which a plain await handles on the loop.
    private static Task Combine(Task first, Task second, Combinator combinator) => combinator switch
    {
        Combinator.WhenAll => Task.WhenAll(first, second),
        Combinator.WhenAny => Task.WhenAny(first, second),
        _ => first.WaitAsync(s_neverCancelled.Token),
    };
}
