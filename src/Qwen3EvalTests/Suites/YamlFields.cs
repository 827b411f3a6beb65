using System.Globalization;
using Qwen3EvalTests.Baselines;
using YamlDotNet.RepresentationModel;

namespace Qwen3EvalTests.Suites;

/// <summary>
/// Reads the keys of one YAML mapping and records a problem, with its line, for every missing,
/// malformed or unknown key instead of stopping at the first.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly InputProblemList _problems;

    public YamlFields(YamlMappingNode node, string path, InputProblemList problems)
    {
        _node = node;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    public long Line => _node.Start.Line;

    public static long LineOf(YamlNode node) => node.Start.Line;

    public YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string At(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void Problem(string key, string message, YamlNode? node = null) =>
        _problems.Add(At(key), message, node is null ? Line : LineOf(node));

    public string? String(string key, bool required, string expected)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Problem(key, $"missing; expected {expected}.");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Problem(key, $"not a plain value; expected {expected}.", node);
        return null;
    }

    public int? Int(string key, bool required, string expected, int min = int.MinValue)
    {
        var text = String(key, required, expected);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        Problem(key, $"'{text}' is not valid; expected {expected}.", Node(key));
        return null;
    }

    public double? Double(string key, bool required, string expected)
    {
        var text = String(key, required, expected);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
        {
            return value;
        }

        Problem(key, $"'{text}' is not valid; expected {expected}.", Node(key));
        return null;
    }

    public bool? Bool(string key, bool required)
    {
        var text = String(key, required, "true or false");
        switch (text)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                Problem(key, $"'{text}' is not valid; expected true or false.", Node(key));
                return null;
        }
    }

    public YamlSequenceNode? Sequence(string key, bool required, string expected)
    {
        var node = Node(key);
        switch (node)
        {
            case YamlSequenceNode sequence: return sequence;
            case null when !required: return null;
            case null: Problem(key, $"missing; expected {expected}."); return null;
            default: Problem(key, $"not a list; expected {expected}.", node); return null;
        }
    }

    /// <summary>
    /// The entries of the list under <paramref name="key"/>, each as fields at path "key[i]"; a missing or
    /// non-list value and every entry that is not a mapping are reported as problems and skipped.
    /// </summary>
    public IEnumerable<YamlFields> Entries(string key, bool required, string expected)
    {
        var sequence = Sequence(key, required, "a list of " + expected);
        if (sequence is null)
        {
            yield break;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"{At(key)}[{i}]";
            if (sequence.Children[i] is YamlMappingNode map)
            {
                yield return new YamlFields(map, path, _problems);
            }
            else
            {
                _problems.Add(path, $"expected a mapping {expected}.", LineOf(sequence.Children[i]));
            }
        }
    }

    public YamlMappingNode? Map(string key, bool required, string expected)
    {
        var node = Node(key);
        switch (node)
        {
            case YamlMappingNode map: return map;
            case null when !required: return null;
            case null: Problem(key, $"missing; expected {expected}."); return null;
            default: Problem(key, $"not a mapping; expected {expected}.", node); return null;
        }
    }

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                _problems.Add(At(key), $"unknown key '{key}'; expected one of {string.Join(", ", known)}.", LineOf(keyNode));
            }
        }
    }
}
