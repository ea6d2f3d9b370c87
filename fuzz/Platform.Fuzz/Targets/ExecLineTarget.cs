using System.Text;
using Platform.Abstractions;
using Platform.Units;

namespace Platform.Fuzz.Targets;

/// <summary>One <c>ExecStart=</c> value through the command-line parser and systemd's word splitting.</summary>
internal sealed class ExecLineTarget : IFuzzTarget
{
    public string Name => "exec-line";
    public string Corpus => "exec-line";

    public void Run(ReadOnlySpan<byte> data)
    {
        var value = Encoding.UTF8.GetString(data);
        var command = ExecLineParser.TryParse(value, out var error, out _);
        if (command is null == error is null) throw new InvalidOperationException("a command and an error, or neither");
        SystemdValues.SplitWords(value, out _);
    }
}
