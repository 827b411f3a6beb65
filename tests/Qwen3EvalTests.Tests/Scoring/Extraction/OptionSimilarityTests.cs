using Qwen3EvalTests.Scoring.Extraction;

namespace Qwen3EvalTests.Tests.Scoring.Extraction;

/// <summary>
/// Qwen's fuzzy fallback, <c>process.extractOne(gen, choice_list)</c>, against upstream's own output. Every row was
/// produced twice and both agree (except where a row says otherwise):
/// (1) thefuzz 0.22.1 <c>process.extractOne</c> (seatgeek/thefuzz tag 0.22.1, a1a8cde) over rapidfuzz's pure-Python
/// fallback (rapidfuzz/RapidFuzz tag v3.9.3, src/rapidfuzz/*_py.py), both loaded from the snapshots under /tmp with
/// <c>RAPIDFUZZ_IMPLEMENTATION=python /usr/bin/python3 gen_thefuzz.py</c> (letter = <c>choices[choice_list.index(match[0])]</c>
/// as evaluate_chat_ceval.py L91 does, score = <c>match[1]</c>);
/// (2) the compiled implementation pip installs: rapidfuzz-cpp v3.0.4 (10426d2, the submodule of RapidFuzz v3.9.3)
/// <c>CachedWRatio</c> in extractOne's loop with its running cutoff, and RapidFuzz v3.9.3 src/rapidfuzz/utils.cpp
/// <c>default_process</c>, built with <c>g++ -std=c++17 -O2 oracle.cpp utils.cpp</c>; it gives the unrounded score.
/// Options come from C-Eval val (computer_network 1, high_school_chemistry 3 and 7, modern_chinese_history 2, law 3)
/// and MMLU test (high_school_biology 0 and 1, us_foreign_policy, astronomy) and hand-made lists for each WRatio
/// branch (length ratio &lt; 1.5, 1.5–8, exactly 8, &gt; 8), ties, rounding half to even, force_ascii and code points
/// beyond U+FFFF.
/// </summary>
public sealed class OptionSimilarityTests
{
    public static TheoryData<string, string[], char, int, double> UpstreamCases() => new()
    {
        { "magnet", ["Friction", "Gravity", "Magnetism", "Tension"], 'C', 90, 90.0 },
        { "gravitational pull", ["Friction", "Gravity", "Magnetism", "Tension"], 'B', 83, 83.07692307692308 },
        { "MAGNETISM", ["Friction", "Gravity", "Magnetism", "Tension"], 'C', 100, 100.0 },
        { "", ["Friction", "Gravity", "Magnetism", "Tension"], 'A', 0, 0.0 },
        { "?!... ---", ["Friction", "Gravity", "Magnetism", "Tension"], 'A', 0, 0.0 },
        { "gravity and friction", ["friction and gravity", "gravity", "friction", "tension and gravity"], 'A', 95, 95.0 },
        { "the pull between masses is called gravity, I am fairly sure of it", ["Friction", "Gravity", "Magnetism", "Tension"], 'B', 60, 60.0 },
        { "cat", ["dog", "cab", "cut", "car"], 'B', 67, 66.66666666666667 },
        { "q", ["ab", "cd", "ef", "gh"], 'A', 0, 0.0 },
        { "xxab yyyy zzzzzz", ["ab", "cd", "ef", "gh"], 'A', 60, 60.0 },
        { "xxab yyyy zzzzz", ["ab", "cd", "ef", "gh"], 'A', 90, 90.0 },
        { "abcdefgh", ["abcdexyz", "zzzzzzzz", "yyyyyyyy", "xxxxxxxx"], 'A', 62, 62.5 },
        { "abcdefgh", ["abcdefgx", "abcdexyz", "yyyyyyyy", "xxxxxxxx"], 'A', 88, 87.5 },
        { "abcdefghijk", ["abcdefgh", "zzzz", "yyyy", "xxxx"], 'A', 84, 84.21052631578947 },
        { "abcdefghijkl", ["abcdefgh", "zzzz", "yyyy", "xxxx"], 'A', 90, 90.0 },
        { "cell", ["cell wall", "cell", "cell membrane", "wall"], 'B', 100, 100.0 },
        { "the cell membrane", ["cell wall", "cell", "cell membrane", "wall"], 'C', 95, 95.0 },
        { "membrane of the cell", ["cell wall", "cell", "cell membrane", "wall"], 'B', 90, 90.0 },
        { "cell_wall", ["cell wall", "cell", "cell membrane", "wall"], 'A', 100, 100.0 },  // the pure-Python fallback (utils_py.py keeps '_') gives B 90
        { "café", ["cafe", "caf", "coffee", "tea"], 'B', 100, 100.0 },
        { "Ÿes", ["Ÿes", "yes", "es", "no"], 'C', 100, 100.0 },
        { "it favours the tallest giraffes, so the selection is directional", ["directional selection.", "stabilizing selection.", "sexual selection.", "disruptive selection."], 'A', 86, 85.5 },
        { "Stabilizing", ["directional selection.", "stabilizing selection.", "sexual selection.", "disruptive selection."], 'B', 90, 90.0 },
        { "selection that is disruptive", ["directional selection.", "stabilizing selection.", "sexual selection.", "disruptive selection."], 'D', 95, 95.0 },
        { "losing one single nucleotide", ["a deletion of a single nucleotide", "a deletion of a nucleotide triplet", "a single nucleotide substitution of the nucleotide occupying the first codon position", "a single nucleotide substitution of the nucleotide occupying the third codon position"], 'C', 86, 85.5 },
        { "substitution at the third position", ["a deletion of a single nucleotide", "a deletion of a nucleotide triplet", "a single nucleotide substitution of the nucleotide occupying the first codon position", "a single nucleotide substitution of the nucleotide occupying the third codon position"], 'C', 86, 85.5 },
        { "china", ["Terrorists", "Organized crime", "Drug traffickers", "China"], 'D', 100, 100.0 },
        { "crime that is organized", ["Terrorists", "Organized crime", "Drug traffickers", "China"], 'B', 86, 85.5 },
        { "0.5*m*(2GM/R)", ["m*v", "0.5*m/(R^3)", "0.5*m*(2GM/R)", "0.6*G(M^2)/R"], 'C', 100, 100.0 },
        { "half m times 2GM over R", ["m*v", "0.5*m/(R^3)", "0.5*m*(2GM/R)", "0.6*G(M^2)/R"], 'A', 86, 85.5 },
        { "网络", ["物理层", "网络层", "传输层", "应用层"], 'B', 90, 90.0 },
        { "我认为是网络层，因为它负责路由。", ["物理层", "网络层", "传输层", "应用层"], 'B', 90, 90.0 },
        { "负责路由的是第三层", ["物理层", "网络层", "传输层", "应用层"], 'A', 45, 45.0 },
        { "辛丑条约", ["《南京条约》", "《北京条约》", "《马关条约》", "《辛丑条约》"], 'D', 100, 100.0 },
        { "赔款最多的是1901年签订的辛丑条约，共计白银四亿五千万两。", ["《南京条约》", "《北京条约》", "《马关条约》", "《辛丑条约》"], 'D', 90, 90.0 },
        { "需要先监听", ["等待冲突", "等待令牌", "监听介质", "接受一个帧"], 'C', 44, 44.44444444444444 },
        { "发送前要监听介质是否空闲", ["等待冲突", "等待令牌", "监听介质", "接受一个帧"], 'C', 90, 90.0 },
        { "在一瓣橘子上插入两根铜线", ["将适量的苏打粉放在容器中加热，观察气体的产生", "在洁净的水杯中先加入小苏打粉，再加入食醋，观察气体的产生", "往稀白粥中加入少量加碘食盐，检验加碘食盐中含有$I_2$", "在一瓣橘子上插入两根铜线并与小灯泡连接，验证电流的产生"], 'D', 90, 90.0 },
        { "小苏打和食醋反应可以观察到气体产生，这个实验最合理。", ["将适量的苏打粉放在容器中加热，观察气体的产生", "在洁净的水杯中先加入小苏打粉，再加入食醋，观察气体的产生", "往稀白粥中加入少量加碘食盐，检验加碘食盐中含有$I_2$", "在一瓣橘子上插入两根铜线并与小灯泡连接，验证电流的产生"], 'B', 42, 41.509433962264154 },
        { "由题意只能得出碳氢原子个数比为1：2，不能确定是否含有氧元素，因此无法判断该有机物中是否含氧，应选择最后一项。这是因为燃烧产物中的氧可能来自氧气。", ["该有机物分子中 C：H：O 原子个数比为 1：2：3", "该有机物分子中 C：H 原子个数比为 1：1", "该有机物中必定含氧", "无法判断该有机物中是否含氧"], 'D', 90, 90.0 },
        { "原子个数比 1：1", ["该有机物分子中 C：H：O 原子个数比为 1：2：3", "该有机物分子中 C：H 原子个数比为 1：1", "该有机物中必定含氧", "无法判断该有机物中是否含氧"], 'A', 86, 85.5 },
        { "宪法修改既可以是部分修改也可以是全面修改，我国修宪实践中两者都有", ["我国修宪实践中既有对宪法的部分修改，也有对宪法的全面修改", "经1/10以上的全国人大代表提议，可以启动宪法修改程序", "全国人大常委会是法定的修宪主体", "宪法修正案是我国宪法规定的宪法修改方式"], 'A', 48, 47.5 },
        { "全国人大常委会", ["我国修宪实践中既有对宪法的部分修改，也有对宪法的全面修改", "经1/10以上的全国人大代表提议，可以启动宪法修改程序", "全国人大常委会是法定的修宪主体", "宪法修正案是我国宪法规定的宪法修改方式"], 'C', 90, 90.0 },
        { "答案应该是TCP协议", ["UDP协议", "TCP协议", "IP协议", "HTTP协议"], 'B', 90, 90.0 },
        { "第②项", ["①", "②", "③", "④"], 'B', 90, 90.0 },
        { "𠀀𠀁层", ["𠀀层", "𠀁层", "层", "𠀂"], 'B', 90, 90.0 },
        { "网络层", ["网络层", "网络层", "传输层", "应用层"], 'A', 100, 100.0 },
        { "传输层", ["网络层", "传输层", "传输层", "应用层"], 'B', 100, 100.0 },
        { "selection", ["directional selection.", "stabilizing selection.", "sexual selection.", "disruptive selection."], 'A', 90, 90.0 },
        { "The substitution of a single nucleotide occupying the first codon position right after the start codon shifts nothing but changes the first amino acid, whereas a deletion of a single nucleotide shifts the whole reading frame and is the most deleterious change of all.", ["a deletion of a single nucleotide", "a deletion of a nucleotide triplet", "a single nucleotide substitution of the nucleotide occupying the first codon position", "a single nucleotide substitution of the nucleotide occupying the third codon position"], 'B', 86, 85.5 },
        { "a single nucleotide substitution of the nucleotide occupying the third codon position", ["a deletion of a single nucleotide", "a deletion of a nucleotide triplet", "a single nucleotide substitution of the nucleotide occupying the first codon position", "a single nucleotide substitution of the nucleotide occupying the third codon position"], 'D', 100, 100.0 },
        { "题目问的是我国宪法修改的问题。根据宪法第六十四条规定，宪法的修改由全国人民代表大会常务委员会或者五分之一以上的全国人民代表大会代表提议，并由全国人民代表大会以全体代表的三分之二以上的多数通过。我国修宪实践中既有对宪法的部分修改，也有对宪法的全面修改。", ["我国修宪实践中既有对宪法的部分修改，也有对宪法的全面修改", "经1/10以上的全国人大代表提议，可以启动宪法修改程序", "全国人大常委会是法定的修宪主体", "宪法修正案是我国宪法规定的宪法修改方式"], 'A', 90, 90.0 },
        { "经五分之一以上的全国人大代表提议可以启动宪法修改程序", ["我国修宪实践中既有对宪法的部分修改，也有对宪法的全面修改", "经1/10以上的全国人大代表提议，可以启动宪法修改程序", "全国人大常委会是法定的修宪主体", "宪法修正案是我国宪法规定的宪法修改方式"], 'B', 83, 83.01886792452831 },
    };

    [Theory]
    [MemberData(nameof(UpstreamCases))]
    public void PicksTheOptionAndScoreThefuzzExtractOnePicks(string gen, string[] options, char letter, int score, double unrounded)
    {
        var match = OptionSimilarity.Match(gen, options);

        match.Letter.Should().Be(letter);
        match.RoundedScore.Should().Be(score);
        match.Score.Should().Be(unrounded, "the scores are computed in upstream's order of operations, so ties and rounding fall the same way");
        OptionSimilarity.Closest(gen, options).Should().Be(letter);
    }

    [Fact]
    public void TheScorerIdSaysWhichThefuzzItPorts() =>
        OptionSimilarity.ScorerId.Should().Be("thefuzz-0.22.1-wratio");
}
