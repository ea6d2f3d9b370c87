using System.Runtime.InteropServices;

namespace Platform.Interop;

/// <summary>
/// Owns unmanaged UTF-8 strings and NULL-terminated string vectors for one native call sequence,
/// so nothing the child reads between fork and exec can be moved or collected.
/// </summary>
internal sealed class NativeStrings : IDisposable
{
    private readonly List<IntPtr> _allocations = [];

    /// <summary>Allocates a NUL-terminated UTF-8 copy of <paramref name="value"/>.</summary>
    public IntPtr String(string value)
    {
        // AllocHGlobal and CoTaskMem are both malloc on Unix; one kind keeps Dispose simple.
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        var p = Block(bytes + 1);
        var buffer = new byte[bytes + 1];
        System.Text.Encoding.UTF8.GetBytes(value, buffer);
        Marshal.Copy(buffer, 0, p, buffer.Length);
        return p;
    }

    /// <summary>Allocates a NULL-terminated array of UTF-8 strings (argv/envp layout).</summary>
    public IntPtr Vector(IReadOnlyList<string> values)
    {
        var vector = Marshal.AllocHGlobal(IntPtr.Size * (values.Count + 1));
        _allocations.Add(vector);
        for (var i = 0; i < values.Count; i++)
            Marshal.WriteIntPtr(vector, i * IntPtr.Size, String(values[i]));
        Marshal.WriteIntPtr(vector, values.Count * IntPtr.Size, IntPtr.Zero);
        return vector;
    }

    /// <summary>Allocates zeroed memory that lives as long as this object.</summary>
    public IntPtr Block(int size)
    {
        var p = Marshal.AllocHGlobal(size);
        _allocations.Add(p);
        Marshal.Copy(new byte[size], 0, p, size);
        return p;
    }

    public void Dispose()
    {
        foreach (var p in _allocations) Marshal.FreeHGlobal(p);
        _allocations.Clear();
    }
}
