// Each simulation runs on the thread that calls Sim.Run and keeps its loop in a thread-static, so fixtures can
// run in parallel; that keeps the whole suite fast.
// This attribute is also the assembly's direct use of nunit.framework: without one, the compiler drops the
// reference (FsCheck.NUnit's attribute is not NUnit's), and the NUnit adapter then finds no tests at all.
[assembly: Parallelizable(ParallelScope.Fixtures)]
