using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Platform.Exec;

/// <summary>
/// The environment block of one service process: ordered, later assignments replace earlier ones in place.
/// </summary>
internal sealed class ServiceEnvironment : IReadOnlyDictionary<string, string>
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Sets or replaces a variable.</summary>
    public void Set(string key, string value)
    {
        if (!_values.ContainsKey(key)) _order.Add(key);
        _values[key] = value;
    }

    /// <summary>Removes a variable if present.</summary>
    public void Remove(string key)
    {
        if (_values.Remove(key)) _order.Remove(key);
    }

    /// <summary>A copy with <paramref name="key"/> set, e.g. <c>MAINPID</c> for ExecReload=.</summary>
    public ServiceEnvironment With(string key, string value)
    {
        var copy = new ServiceEnvironment();
        foreach (var k in _order) copy.Set(k, _values[k]);
        copy.Set(key, value);
        return copy;
    }

    /// <summary>The <c>KEY=VALUE</c> strings for execve.</summary>
    public string[] ToEnvp()
    {
        var envp = new string[_order.Count];
        for (var i = 0; i < envp.Length; i++) envp[i] = _order[i] + "=" + _values[_order[i]];
        return envp;
    }

    /// <inheritdoc/>
    public string this[string key] => _values[key];
    /// <inheritdoc/>
    public IEnumerable<string> Keys => _order;
    /// <inheritdoc/>
    public IEnumerable<string> Values => _order.Select(k => _values[k]);
    /// <inheritdoc/>
    public int Count => _order.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _values.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var k in _order) yield return new(k, _values[k]);
    }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
