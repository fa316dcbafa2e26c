using ChargePortal.Simulator.Cli;

return await SimulatorCli.RunAsync(args);
