namespace Platform.Units.Calendar;

/// <summary>
/// One element of a calendar component list (systemd's CalendarComponent): a value, an optional range end and an
/// optional repetition. Seconds are held in microseconds so that fractions survive.
/// </summary>
public sealed record CalendarComponent(int Start, int Stop, int Repeat);
