namespace ChargePortal.Simulator.Cli;

internal static class SimulatorCli
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
