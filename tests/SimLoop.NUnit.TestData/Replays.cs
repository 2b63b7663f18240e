namespace SimLoop.NUnit.TestData;

public class Replays
{
    // A token copied from Failing.Lost_update_is_found_by_an_assertion's failure message: it names that test.
    [SimTest(Replay = "SL1_fifo_2A_Tf54f626f_b101")]
    public Task Replay_token_of_another_test() => Task.CompletedTask;

    // A token that names no test, pinned here on purpose: it replays, and says that exploration is off.
    [SimTest(Replay = "SL1_fifo_2A_cc42")]
    public async Task Pinned_to_one_schedule() => await Sim.Delay(TimeSpan.FromMilliseconds(5));
}
