namespace Platform.Journal.Pump;

/// <summary>Receives the lines a <see cref="LineSplitter"/> cuts from a stream.</summary>
internal interface ILineHandler
{
    /// <summary>One line without its terminator, written by <paramref name="pid"/> (0 when unknown).</summary>
    void OnLine(ReadOnlySpan<byte> line, LineBreak reason, int pid);
}
