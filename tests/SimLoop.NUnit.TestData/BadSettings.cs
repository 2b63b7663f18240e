namespace SimLoop.NUnit.TestData;

public class BadSettings
{
    [SimTest(Seed = "zz")]
    public Task Bad_seed() => Task.CompletedTask;

    [SimTest(MaxVirtualTime = "soon", Iterations = -3)]
    public Task Bad_time_and_iterations() => Task.CompletedTask;

    [SimTest(Replay = "SL1_fifo_2A_0000")]
    public Task Bad_replay_token() => Task.CompletedTask;
}
