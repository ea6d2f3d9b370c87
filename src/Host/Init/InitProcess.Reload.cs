using Platform.Host.Generators;

namespace Platform.Host.Init;

/// <summary>Generators at boot and <c>daemon-reload</c> under the init.</summary>
internal sealed partial class InitProcess
{
    private long _reloads;

    /// <summary>Before anything is loaded, as systemd runs them before it reads any unit.</summary>
    private void RunGenerators()
    {
        if (!GeneratorPolicy.AtBoot(ctx)) return;
        try { new GeneratorRunner(ctx).Run(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only /run must not keep the container from booting.
            ctx.Warn($"Failed to run generators: {Abstractions.ErrorText.DescribeWithPath(e)}");
        }
    }

    /// <summary>
    /// The daemon-reload that signalled us has run the generators itself; what is left is to forget the unit files
    /// loaded so far, so the next start, timer or restart reads them afresh, and to re-arm the path units' watches
    /// from them. Timers need nothing more: their elapses are computed from the files at every check.
    /// </summary>
    private void Reload()
    {
        ctx.Units.Invalidate();
        RearmPathLoops();
        state.PublishReloads(++_reloads);
    }
}
