using System.Globalization;

namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// Code written for a real process, unchanged: a request/reply client whose server computes on the thread pool
/// (Task.Run), waits on the machine's clock (Task.Delay without a TimeProvider) behind ConfigureAwait(false), and
/// answers through a TaskCompletionSource that runs continuations asynchronously; the client races the reply against
/// a one-second timeout and measures the round trip with DateTime.UtcNow. On the simulated loop every piece of it is
/// on virtual time and in the loop's order: the reply wins at exactly 800 ms, in every run.
/// </summary>
internal sealed class RealCodeOnTheLoop : Scenario
{
    public override string Id => "real-code-on-the-loop";

    public override string Title => "Real code runs on the loop: Task.Run, ConfigureAwait(false), a real-clock timeout, DateTime.UtcNow";

    public override ScenarioReport Run(string traceDirectory)
    {
        var result = Sim.Run(async () =>
        {
            var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var server = Sim.Spawn("server", async () =>
            {
                var answer = await Task.Run(() => 6 * 7);
                await Task.Delay(TimeSpan.FromMilliseconds(800)).ConfigureAwait(false);
                reply.SetResult(answer);
            });

            var sent = DateTime.UtcNow;
            var winner = await Task.WhenAny(reply.Task, Task.Delay(TimeSpan.FromSeconds(1)));
            var roundTrip = DateTime.UtcNow - sent;
            await server;
            return (ReplyWon: winner == reply.Task, Answer: await reply.Task, RoundTrip: roundTrip);
        }, new SimOptions { RecordTrace = true });

        var poolSteps = result.Trace.Steps.Count(step => step.Reason == ReadyReason.ThreadPool);
        return new ScenarioReport(
            [
                new Check("the reply beats the 1 s timeout", "yes", result.Value.ReplyWon ? "yes" : "no"),
                new Check("answer", "42", result.Value.Answer.ToString(CultureInfo.InvariantCulture)),
                new Check("round trip measured with DateTime.UtcNow", "800 ms", Format.Ms(result.Value.RoundTrip)),
                new Check("steps that ran thread-pool work (Task.Run, the ConfigureAwait(false) continuation, the reply)", "3", poolSteps.ToString(CultureInfo.InvariantCulture)),
            ],
            result.Fairness.ToString(),
            WriteTrace(result, traceDirectory));
    }
}
