using System.Reflection;
using Qwen3EvalTests.Results;

namespace Qwen3EvalTests.Tests.Results;

/// <summary>
/// Copies a record with one property changed, found by reflection, so a test can prove that every field of a
/// request or settings record reaches a hash: a field added later is covered without editing the test.
/// </summary>
internal static class RecordMutation
{
    public static IEnumerable<PropertyInfo> Properties<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.Name != "EqualityContract");

    public static T With<T>(T record, PropertyInfo property)
        where T : class
    {
        var clone = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(clone, Changed(property.PropertyType, property.GetValue(record)));
        return clone;
    }

    private static object? Changed(Type type, object? value) => value switch
    {
        string s => s + "x",
        int i => i + 1,
        double d => d + 0.5,
        bool b => !b,
        Enum e => Enum.GetValues(type).Cast<object>().First(v => !v.Equals(e)),
        IReadOnlyList<string> list => list.Append("x").ToArray(),
        RunGeneration g => g with { MaxNewTokens = g.MaxNewTokens + 1 },
        null when type == typeof(string) => "x",
        null when type == typeof(int?) => 1,
        null when type == typeof(IReadOnlyList<string>) => new[] { "x" },
        null when type == typeof(RunGeneration) => new RunGeneration(32, 0, 0, []),
        _ => throw new NotSupportedException($"no change defined for a {type} property: add one to RecordMutation"),
    };
}
