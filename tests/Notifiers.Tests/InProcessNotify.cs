using Platform.Notify;

namespace Platform.Notifiers.Tests;

/// <summary>Runs the systemd-notify command in this process with captured output.</summary>
internal static class InProcessNotify
{
    public static (int Exit, string Out, string Err) Run(string? notifySocket, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = SystemdNotifyCommand.Run(args, stdout, stderr, notifySocket);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
