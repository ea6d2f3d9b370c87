using Platform.Fuzz.Targets;

namespace Platform.Fuzz;

/// <summary>The targets by name, with the tokens of each format that the mutator splices in.</summary>
internal static class TargetRegistry
{
    public static readonly string[] Names = ["unit-file", "exec-line", "time-span", "calendar", "status-record",
        "journal"];

    public static IFuzzTarget? Create(string name) => name switch
    {
        "unit-file" => new UnitFileTarget(),
        "exec-line" => new ExecLineTarget(),
        "time-span" => new TimeSpanTarget(),
        "calendar" => new CalendarTarget(),
        "status-record" => new StatusRecordTarget(),
        "journal" => new JournalFileTarget(),
        _ => null,
    };

    public static IReadOnlyList<string> Tokens(string name) => name switch
    {
        "unit-file" =>
            ["[Unit]\n", "[Service]\n", "[Install]\n", "ExecStart=", "ExecStop=-", "Type=notify\n", "Environment=",
            "\\\n", "#", "%i", "%n", "%%", "\"", "'", "=\n", "Description=", "After=", "\xff"],
        "exec-line" =>
            ["@", "-", ":", "+", "!!", "/bin/sh", " -c ", "\"", "'", "\\", "\\x41", "\\n", "$VAR", "${VAR}", ";", " "],
        "time-span" =>
            ["us", "ms", "s", "min", "h", "d", "w", "month", "y", "infinity", ".", " ", "1", "999999999999", "usec",
            "sec"],
        "calendar" =>
            ["*", "-", ":", "..", "/", ",", "~", "Mon", "Tue..Fri", "daily", "weekly", "hourly", "UTC", "Europe/Berlin",
            "2026", "*-*-*", "00:00:00", ".5", "minutely", "quarterly", "semiannually"],
        "status-record" =>
            ["{", "}", "\"Unit\":", "\"ActiveState\":", "\"MainPid\":", "\"active\"", "null", "true", "-1",
            "99999999999999999999", "[", "]", ",", "\"\\u0000\"", "1e400"],
        "journal" => ["PLJRNL01", "\0\0\0\0", "\xff\xff\xff\x7f", "\x28\0\0\0", "\x01", "\x05\x03\0\0\0abc"],
        _ => [],
    };
}
