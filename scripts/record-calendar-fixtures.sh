#!/bin/sh
# Records what systemd 252's `systemd-analyze calendar` says about calendar expressions, as the oracle for
# tests/Units.Tests/CalendarTests.cs. Every example of systemd.time(7) plus edge cases (DST, ~, fractions, refusals).
# Output: BASE<TAB>EXPRESSION<TAB>NORMALIZED (or "!invalid")<TAB>up to five elapses, all in Unix seconds.
set -eu
out=${1:-tests/Units.Tests/Fixtures/calendar.txt}
export TZ=UTC LC_ALL=C
record() {
    base=$1; expr=$2
    epoch=$(date -u -d "$base" +%s)
    if ! text=$(systemd-analyze calendar --iterations=5 --base-time="@$epoch" "$expr" 2>/dev/null); then
        printf '%s\t%s\t!invalid\t\n' "$epoch" "$expr"; return
    fi
    norm=$(printf '%s\n' "$text" | sed -n 's/^Normalized form: //p')
    elapses=$(printf '%s\n' "$text" | sed -n 's/^ *\(Next elapse\|Iter\. #[0-9]*\): //p' | while read -r line; do
        [ "$line" = never ] && break
        date -u -d "$(echo "$line" | cut -d' ' -f2-3) UTC" +%s
    done | tr '\n' ' ' | sed 's/ $//')
    printf '%s\t%s\t%s\t%s\n' "$epoch" "$expr" "$norm" "$elapses"
}
{
    echo "# Recorded by scripts/record-calendar-fixtures.sh from $(systemd-analyze --version | head -1)"
    while IFS= read -r expr; do
        [ -z "$expr" ] && continue
        for base in "2026-01-01 00:00:00" "2026-03-28 12:34:56" "2026-10-24 23:59:59"; do record "$base" "$expr"; done
    done <<'LIST'
Thu,Fri 2012-*-1,5 11:12:13
*-02~03
Mon *-05~07/1
Sat,Thu,Mon..Wed,Sat..Sun
Mon,Sun 12-*-* 2,1:23
Wed *-1
Wed..Wed,Wed *-1
Wed, 17:48
Wed..Sat,Tue 12-10-15 1:2:3
*-*-7 0:0:0
10-15
monday *-12-* 17:00
Mon,Fri *-*-3,1,2 *:30:45
12,14,13,12:20,10,30
12..14:10,20,30
mon,fri *-1/2-1,3 *:30:45
03-05 08:05:40
08:05:40
05:40
Sat,Sun 12-05 08:05:40
Sat,Sun 08:05:40
2003-03-05 05:40
05:40:23.4200004/3.1700005
2003-02..04-05
2003-03-05 05:40 UTC
2003-03-05
03-05
minutely
hourly
daily
daily UTC
monthly
weekly
weekly Pacific/Auckland
yearly
annually
quarterly
semiannually
*:2/3
*:0/15
*:*:0/2
*:*:*
*:*:1..5
*:5..10/2
*-*~03
*-*~01
*-02-29
*-02-30
*-*-31
Mon..Fri
Sat,Sun
Mon-Wed
Mon..Sun
Fri *-*-13
Sat *-*-1..7 18:00
*-*-* 02:30 Europe/Berlin
*-*-* 01:30 America/New_York
Wed *-1~07/1 12:00 Europe/Berlin
2027-*-* 0..3:0
*-*-* 0:0:0.5
*-1,4,7,10-1..7/3 4:00
@1700000000
1970-01-01 00:00:00 UTC
2199-12-31 23:59:59 UTC
Mon..Fri 9..17:0/30 UTC
today
now
Mon..
Sun..Mon
25:00
*-13-01
*:*:61
*:*:1..1.5
*-*-* *:*:*/0
LIST
} > "$out"
echo "wrote $(grep -vc '^#' "$out") cases to $out"
