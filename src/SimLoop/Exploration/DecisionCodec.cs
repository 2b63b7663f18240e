using System.Text;

namespace SimLoop.Exploration;

/// <summary>
/// Writes a decision list compactly with characters that survive shells, environment variables and C# strings.
/// Lists are mostly zeros (FIFO choices), so each non-zero decision is stored as (zeros before it, value),
/// then the count of trailing zeros, all as base-32 varints (digits 0-9 a-v, a set bit 0x10 meaning "more").
/// </summary>
internal static class DecisionCodec
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuv";

    public static string Encode(IReadOnlyList<int> decisions)
    {
        var text = new StringBuilder();
        var zeros = 0;
        foreach (var decision in decisions)
        {
            if (decision == 0)
            {
                zeros++;
                continue;
            }

            WriteVarint(text, zeros);
            WriteVarint(text, decision);
            zeros = 0;
        }

        WriteVarint(text, zeros);
        return text.ToString();
    }

    public static IReadOnlyList<int>? Decode(string text)
    {
        var values = new List<int>();
        var position = 0;
        var numbers = new List<int>();
        while (position < text.Length)
        {
            var number = ReadVarint(text, ref position);
            if (number < 0)
            {
                return null;
            }

            numbers.Add(number);
        }

        // Pairs (zeros, value), then the trailing zeros: an odd count of numbers.
        if (numbers.Count % 2 == 0)
        {
            return null;
        }

        for (var i = 0; i + 1 < numbers.Count; i += 2)
        {
            if (numbers[i + 1] == 0)
            {
                return null;
            }

            values.AddRange(Enumerable.Repeat(0, numbers[i]));
            values.Add(numbers[i + 1]);
        }

        values.AddRange(Enumerable.Repeat(0, numbers[^1]));
        return values;
    }

    private static void WriteVarint(StringBuilder text, int value)
    {
        var v = (uint)value;
        while (v >= 0x10)
        {
            text.Append(Digits[(int)(0x10 | (v & 0xF))]);
            v >>= 4;
        }

        text.Append(Digits[(int)v]);
    }

    private static int ReadVarint(string text, ref int position)
    {
        long value = 0;
        var shift = 0;
        while (position < text.Length && shift < 32)
        {
            var digit = Digits.IndexOf(text[position++], StringComparison.Ordinal);
            if (digit < 0)
            {
                return -1;
            }

            value |= (long)(digit & 0xF) << shift;
            if ((digit & 0x10) == 0)
            {
                return value > int.MaxValue ? -1 : (int)value;
            }

            shift += 4;
        }

        return -1;
    }
}
