namespace Platform.Fuzz;

/// <summary>
/// One parser under fuzzing. <see cref="Run"/> feeds it one input; it must return for every input. An exception that
/// escapes is a crash: the parsers promise to refuse bad input with their own result, never to throw.
/// </summary>
internal interface IFuzzTarget
{
    string Name { get; }

    /// <summary>The folder under fuzz/corpus with the seeds (taken from the tests' fixtures).</summary>
    string Corpus { get; }

    void Run(ReadOnlySpan<byte> data);
}
