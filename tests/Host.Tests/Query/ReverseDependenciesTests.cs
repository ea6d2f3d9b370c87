using Platform.Host.Commands.Show;
using Platform.TestSupport;
using Platform.Units;

namespace Platform.Host.Tests.Query;

/// <summary>
/// The one-pass dependency lookup of show/list-dependencies gives exactly what the unit engine's DependencyGraph gives.
/// </summary>
public sealed class ReverseDependenciesTests
{
    private const string Svc = "[Service]\nExecStart=/bin/true\n";

    private static TempRoot Tree()
    {
        var t = QueryTree.Create();
        t.WriteUnit("listen.socket", "[Socket]\nListenStream=/run/l.sock\n");
        t.WriteUnit("listen.service", Svc);
        t.WriteUnit("tick.timer", "[Timer]\nOnCalendar=daily\nUnit=job.service\n");
        t.WriteUnit("job.service", "[Unit]\nPartOf=app.target\nRequisite=helper.service\n" + Svc);
        t.WriteUnit("app.target", "[Unit]\nRequires=web.service\nUpholds=job.service\n");
        t.WriteUnit("client.service", "[Unit]\nBindsTo=www.service\nOnFailure=helper.service\n" + Svc);
        t.Write(QueryTree.Etc + "/service.d/50-all.conf", "[Unit]\nConflicts=rescue.target\n");
        t.Write(QueryTree.Etc + "/job.service.d/10.conf", "[Unit]\nAfter=listen.socket\n");
        t.Link(QueryTree.Etc + "/multi-user.target.wants/worker@a.service", "../worker@.service");
        t.Link(QueryTree.Etc + "/app.target.requires/client.service", "../client.service");
        return t;
    }

    [Fact]
    public void EveryDependencyPropertyOfEveryUnitMatchesTheDependencyGraph()
    {
        using var root = Tree();
        var names = new UnitRepository(UnitPaths.ForSystem(root.Path)).AllUnitFileNames()
            .Where(n => !UnitNames.IsTemplate(n)).Append("worker@a.service").ToList();
        var mismatches = new List<string>();
        var reverseFound = 0;
        foreach (var name in names)
        {
            // Fresh repositories for each side, so neither benefits from the other's caches.
            var graphRepo = new UnitRepository(UnitPaths.ForSystem(root.Path));
            var graph = new DependencyGraph(graphRepo);
            var oursRepo = new UnitRepository(UnitPaths.ForSystem(root.Path));
            var ours = new ReverseDependencies(oursRepo, new DependencyGraph(oursRepo))
                .For(oursRepo.LoadUnit(name), ShowOrder.DependencyProperties);
            foreach (var property in ShowOrder.DependencyProperties)
            {
                var expected = string.Join(' ', graph.Get(name, property));
                var actual = string.Join(' ', ours[property]);
                if (DependencyKinds.ReverseOnly.Contains(property) && actual.Length > 0) reverseFound++;
                if (expected != actual) mismatches.Add($"{name} {property}: graph [{expected}] ours [{actual}]");
            }
        }
        Assert.True(names.Count > 20, $"only {names.Count} units");
        Assert.True(reverseFound >= 10,
            $"only {reverseFound} non-empty reverse properties: the tree does not exercise the lookup");
        Assert.Empty(mismatches);
    }
}
