namespace ChargePortal.Web.Tests.Architecture;

/// <summary>
/// The web project's feature folders as layers: a feature uses features below it, never one above it, so no two
/// features depend on each other in a cycle. The few uses that still point upwards are listed one by one in
/// <see cref="KnownUpwardUses"/>; the list may only shrink.
/// </summary>
public sealed class FeatureBoundaryTests
{
    /// <summary>Top to bottom. Features in one layer may use each other as long as that forms no cycle.</summary>
    public static readonly IReadOnlyList<string[]> Layers =
    [
        ["Demo", "Roaming", "Monitoring", "Operators", "Drivers", "Users"],
        ["Cluster", "Dashboard", "Realtime"],
        ["Ocpp.Endpoint", "Ocpp.Handling"],
        ["PlugAndCharge"],
        ["Reservations", "StationSecurity", "DeviceModel", "StationEvents", "LoadManagement"],
        ["DisplayMessages", "CustomerInformation"],
        ["SmartCharging"],
        ["Payments"],
        ["Tariffs", "Transactions"],
        ["Tokens", "Stations", "Alerts"],
        ["Ocpp.Commands", "Ocpp.Connections", "Sites"],
        ["Ocpp.MessageLog", "Ocpp", "Ocpp.Diagnostics", "Telemetry", "Live", "Audit"],
        ["Accounts", "Kernel"],
    ];

    /// <summary>
    /// Uses that point up the layers today, each a debt: the entry goes when the use does (a test fails on an entry
    /// that no longer exists, so the list cannot outlive its reason).
    /// </summary>
    public static readonly IReadOnlyList<(string From, string To)> KnownUpwardUses =
    [
        // The command service reads the station row (its version, local-list version) and asks the registration gate
        // before sending. (Features react to what is sent or answered as IStationCallObservers, and the command
        // service asks the device model and the token store through ports of its own.)
        ("Ocpp.Commands", "Stations"),

        // OcppOptions names the registration status a station that registers itself gets (StationRegistrationStatus).
        ("Ocpp", "Stations"),

        // Entities that navigate both ways, and registries that read sessions.
        ("Sites", "Stations"),
        ("Stations", "Transactions"),

        // The test bank (the Stripe stand-in) sends the driver back to the charging confirmation page.
        ("Payments", "Drivers"),

        // The station registry hashes passwords and applies the security-profile rules; the station PATCH API edits
        // credentials.
        ("Stations", "StationSecurity"),

        // Pricing settles sessions itself: it charges cards, bills RFID cards and sweeps unbilled sessions into payments.
        ("Tariffs", "Payments"),

        // Metrics decorate the call router (after the cluster may have replaced it) and read the connection registry
        // and the meter-value queue.
        ("Telemetry", "Ocpp.Connections"),
        ("Telemetry", "Transactions"),
    ];

    /// <summary>
    /// Types outside <c>Ocpp/</c> that still read or write OCPP wire types themselves instead of going through the
    /// version adapters; like <see cref="KnownUpwardUses"/>, the list may only shrink.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownWireTypeUsers =
    [
        "CustomerInformation.CustomerInformationLedger",
        "DeviceModel.ConfigurationAnswers",
        "DeviceModel.DeviceModelPanel",
        "DeviceModel.DeviceModelStore",
        "DisplayMessages.DisplayMessageLedger",
        "LoadManagement.ExternalChargingLimits",
        "LoadManagement.ExternalLimitSchedule",
        "Monitoring.VariableMonitors",
        "Operators.SmartCharging.Profiles.Frames",
        "Operators.SmartCharging.Profiles.ProfileReports",
        "Operators.SmartCharging.Profiles.SetProfiles",
        "PlugAndCharge.ContractAuthorization",
        "PlugAndCharge.ContractAuthorizer",
        "PlugAndCharge.ContractCertificateCheck",
        "PlugAndCharge.ContractCertificateVerdict",
        "PlugAndCharge.OcspCertificateId",
        "SmartCharging.ChargingProfileBuilder",
        "StationEvents.StationEventLog",
    ];

    private static readonly Lazy<FeatureGraph> Web = new(() => FeatureGraph.Of(typeof(Program).Assembly));

    [Fact]
    public void Every_feature_folder_has_a_place_in_the_layers()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var features = Web.Value.Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal);

        features.Where(f => !placed.Contains(f)).Order(StringComparer.Ordinal).ShouldBeEmpty(
            "a new feature folder: give it a layer in FeatureBoundaryTests.Layers, above what it uses");
    }

    [Fact]
    public void No_feature_uses_one_above_it_beyond_the_known_debts()
    {
        var known = KnownUpwardUses.ToHashSet();
        var upward = Upward(Web.Value).Where(e => !known.Contains(e.Key)).ToList();

        upward.Select(e => $"{e.Key.From} uses {e.Key.To}, which is above it: {string.Join("; ", e.Value.Take(3))}")
            .ShouldBeEmpty("move the shared type down (to Kernel or the lower feature), or invert the dependency");
    }

    [Fact]
    public void Every_known_debt_still_exists_so_the_list_only_shrinks()
    {
        var upward = Upward(Web.Value).Select(e => e.Key).ToHashSet();

        KnownUpwardUses.Where(e => !upward.Contains(e)).Select(e => $"{e.From} -> {e.To}")
            .ShouldBeEmpty("paid off: delete these entries from KnownUpwardUses");
    }

    [Fact]
    public void Feature_folders_form_no_dependency_cycle_apart_from_the_known_debts()
    {
        var cycles = Web.Value.Cycles(ignoring: KnownUpwardUses);

        cycles.Select(c => string.Join(" <-> ", c)).ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_ocpp_folder_speaks_the_wire_types_of_a_version()
    {
        var known = KnownWireTypeUsers.ToHashSet(StringComparer.Ordinal);

        Web.Value.WireTypeUsers.Where(u => !known.Contains(u.Key))
            .Select(u => $"{u.Key} uses {string.Join(", ", u.Value.Take(3))}")
            .ShouldBeEmpty("translate in Ocpp/ (a version adapter or handler) and hand the feature its own types");
        KnownWireTypeUsers.Where(u => !Web.Value.WireTypeUsers.ContainsKey(u))
            .ShouldBeEmpty("no longer uses wire types: delete these entries from KnownWireTypeUsers");
    }

    [Fact]
    public void The_cycle_rule_sees_a_cycle_that_is_introduced()
    {
        var layered = FeatureGraph.FromEdges(("Drivers", "Transactions"), ("Transactions", "Sites"), ("Sites", "Kernel"));
        var looped = FeatureGraph.FromEdges(("Drivers", "Transactions"), ("Transactions", "Sites"), ("Sites", "Drivers"));

        layered.Cycles(ignoring: []).ShouldBeEmpty();
        looped.Cycles(ignoring: []).ShouldHaveSingleItem().ShouldBe(["Drivers", "Sites", "Transactions"]);
        looped.Cycles(ignoring: [("Sites", "Drivers")]).ShouldBeEmpty();
        Upward(looped).Select(e => e.Key).ShouldBe([("Sites", "Drivers")]);
    }

    [Fact]
    public void A_feature_is_the_first_folder_below_the_project_and_the_ocpp_parts_are_their_own()
    {
        FeatureGraph.FeatureOf("ChargePortal.Web.Drivers.Sessions").ShouldBe("Drivers");
        FeatureGraph.FeatureOf("ChargePortal.Web.Ocpp.Commands").ShouldBe("Ocpp.Commands");
        FeatureGraph.FeatureOf("ChargePortal.Web.Ocpp").ShouldBe("Ocpp");
        FeatureGraph.FeatureOf("ChargePortal.Web").ShouldBe("(root)");
        FeatureGraph.FeatureOf("ChargePortal.Ocpp.V201").ShouldBeNull();
    }

    private static IEnumerable<KeyValuePair<(string From, string To), IReadOnlyList<string>>> Upward(FeatureGraph graph)
    {
        var height = Layers.SelectMany((layer, depth) => layer.Select(f => (f, depth)))
            .ToDictionary(x => x.f, x => x.depth, StringComparer.Ordinal);
        return graph.Edges
            .Where(e => height.TryGetValue(e.Key.From, out var from) && height.TryGetValue(e.Key.To, out var to) && to < from)
            .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal);
    }
}
