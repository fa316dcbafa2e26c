using System.Reflection;
using ArchUnitNET.Loader;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace ChargePortal.Web.Tests.Architecture;

/// <summary>
/// Which feature folder of the web project uses which, read from the compiled IL (ArchUnitNET), so a dependency hidden
/// in a Razor component, a lambda or a generic argument counts as much as a <c>using</c>.
/// </summary>
public sealed class FeatureGraph
{
    private const string Root = "ChargePortal.Web";

    /// <summary>
    /// Folders that are not features: the composition root wires every feature together, the persistence context maps
    /// every feature's entities, and the app shell lays out every feature's pages. Features may use them; they are
    /// left out of the cycle rules because they sit, by design, above or beside all features.
    /// </summary>
    public static readonly IReadOnlySet<string> Infrastructure = new HashSet<string>(StringComparer.Ordinal)
    {
        "(root)", "Hosting", "Data", "Components",
    };

    /// <summary>
    /// The OCPP folder holds the protocol's parts, which sit at different heights: the command service that features
    /// call to reach a station is below them, the handlers that apply what a station reports are above them.
    /// </summary>
    public static readonly IReadOnlySet<string> SplitBySubfolder = new HashSet<string>(StringComparer.Ordinal) { "Ocpp" };

    private FeatureGraph(
        IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> edges,
        IReadOnlyDictionary<string, IReadOnlyList<string>> wireTypeUsers)
    {
        Edges = edges;
        WireTypeUsers = wireTypeUsers;
    }

    /// <summary>Types outside the OCPP folder that use a raw OCPP 1.6/2.0.1 wire type, with the wire types they use.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WireTypeUsers { get; }

    /// <summary>Feature-to-feature edges with example type pairs that make them, for messages a person can act on.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Edges { get; }

    public static FeatureGraph Of(Assembly assembly)
    {
        ArchitectureModel architecture = new ArchLoader().LoadAssemblies(assembly).Build();
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        var wireTypeUsers = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in architecture.Types)
        {
            var from = FeatureOf(type.Namespace?.FullName);
            if (from is null)
            {
                continue;
            }

            if (!from.StartsWith("Ocpp", StringComparison.Ordinal))
            {
                foreach (var wire in type.Dependencies.Select(d => d.Target).Where(IsWireType))
                {
                    if (!wireTypeUsers.TryGetValue(OuterName(type.FullName), out var used))
                    {
                        wireTypeUsers[OuterName(type.FullName)] = used = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    used.Add(wire.FullName);
                }
            }

            if (Infrastructure.Contains(from))
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var to = FeatureOf(dependency.Target.Namespace?.FullName);
                if (to is null || to == from || Infrastructure.Contains(to))
                {
                    continue;
                }

                if (!edges.TryGetValue((from, to), out var examples))
                {
                    edges[(from, to)] = examples = new SortedSet<string>(StringComparer.Ordinal);
                }

                examples.Add($"{Short(type.FullName)} -> {Short(dependency.Target.FullName)}");
            }
        }

        return new FeatureGraph(
            edges.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value]),
            wireTypeUsers.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value], StringComparer.Ordinal));
    }

    public static FeatureGraph FromEdges(params (string From, string To)[] edges) =>
        new(edges.Distinct().ToDictionary(e => e, _ => (IReadOnlyList<string>)["(given)"]), new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>A message, data type or enum of one OCPP version, as it travels on the wire.</summary>
    public static bool IsWireType(ArchUnitNET.Domain.IType type) =>
        type.Namespace?.FullName is { } ns
        && (ns.StartsWith("ChargePortal.Ocpp.V16", StringComparison.Ordinal) || ns.StartsWith("ChargePortal.Ocpp.V201", StringComparison.Ordinal));

    /// <summary>The declaring top-level type, so a lambda's closure class counts as the type that wrote it.</summary>
    private static string OuterName(string fullName)
    {
        var plus = fullName.IndexOf('+', StringComparison.Ordinal);
        return Short(plus < 0 ? fullName : fullName[..plus]);
    }

    /// <summary>The feature a namespace belongs to: its first segment below the web project's root.</summary>
    public static string? FeatureOf(string? @namespace)
    {
        if (@namespace == Root)
        {
            return "(root)";
        }

        if (@namespace is null || !@namespace.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = @namespace[(Root.Length + 1)..].Split('.');
        return segments.Length > 1 && SplitBySubfolder.Contains(segments[0]) ? $"{segments[0]}.{segments[1]}" : segments[0];
    }

    /// <summary>Every cycle's features, found as strongly connected components of more than one feature.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(IEnumerable<(string From, string To)> ignoring)
    {
        var ignored = ignoring.ToHashSet();
        var next = Edges.Keys.Where(e => !ignored.Contains(e))
            .GroupBy(e => e.From)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        return StronglyConnected(next).Where(c => c.Count > 1).ToList();
    }

    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> next)
    {
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in next.GetValueOrDefault(node) ?? [])
            {
                if (!index.TryGetValue(target, out var targetIndex))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], targetIndex);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                component.Sort(StringComparer.Ordinal);
                result.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }

    private static string Short(string fullName) =>
        fullName.StartsWith(Root + ".", StringComparison.Ordinal) ? fullName[(Root.Length + 1)..] : fullName;
}
