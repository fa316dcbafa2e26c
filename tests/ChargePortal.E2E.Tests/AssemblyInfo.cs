using ChargePortal.E2E.Tests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

// One app host and one browser for the whole run.
[assembly: AssemblyFixture(typeof(AppHostFixture))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]

// The journeys share one app and its database (and two slow cores): run them one at a time.
[assembly: Parallelization(Mode = ParallelMode.None)]
