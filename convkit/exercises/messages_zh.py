"""Chinese (简体中文) text for every checker message: ``ZH[english_template] = chinese_template``.

Keys are the literal English templates passed to ``msg`` in the checker modules; values use
the same ``{fields}``.  Terms follow zh.d2l.ai (互相关, 卷积核, 步幅, 填充, 膨胀, 通道, 形状,
转置, 梯度, 批量 …) and quote the article where its artifacts appear (整容, 旋转180度, 参与度).
``tests/test_exercises_messages.py`` fails when a template lacks its entry here.
"""

ZH = {
    # ------------------------------------------------------------------ _core: verdicts
    "✔ Correct —": "✔ 正确 —",
    "✘ Not yet —": "✘ 还不对 —",
    "well done.": "做得好。",
    "{first} {second}": "{first}{second}",
    "the checker could not read this answer ({error_type}: {error}); hand in a number, an array "
    "or a function as the exercise asks.":
        "检查器无法读取这个答案（{error_type}: {error}）；请按练习要求交一个数、一个数组或一个函数。",
    "the checker could not judge this answer.": "检查器无法评判这个答案。",
    # ------------------------------------------------------------------ _core: answer policy
    "your answer": "你的答案",
    "your shape": "你的形状",
    "your function": "你的函数",
    "{name} is still empty: replace the ... / None with your answer.":
        "{name}还是空的：把 ... / None 换成你的答案。",
    "{name} is the text {text!r}, not a number: remove the quotes.":
        "{name}是文本 {text!r}，不是数：去掉引号。",
    "{name} is text ({text!r}); hand in numbers, not a string.":
        "{name}是文本（{text!r}）；请交数，而不是字符串。",
    "{name} is a {kind}; hand in numbers (a number, a list or an array).":
        "{name}是一个 {kind}；请交数（一个数、一个列表或一个数组）。",
    "{name} is a function; call it and hand in what it returns.":
        "{name}是一个函数；请调用它，交它的返回值。",
    "{name} is a type ({kind}), not a value.": "{name}是一个类型（{kind}），不是一个值。",
    "{name} is {value}, a truth value; hand in numbers.": "{name}是 {value}，一个布尔值；请交数。",
    "{name} is ragged: its rows have different lengths, so it is not an array. Check that every "
    "row has the same number of entries.":
        "{name}参差不齐：各行长度不同，所以不是数组。请检查每一行的元素个数是否相同。",
    "{name} could not be turned into an array ({error_type}: {error}).":
        "{name}无法转换成数组（{error_type}: {error}）。",
    "{name} holds things that are not numbers ({kind}).": "{name}里有不是数的东西（{kind}）。",
    "{name} holds text (strings), not numbers: remove the quotes.":
        "{name}里是文本（字符串），不是数：去掉引号。",
    "{name} holds dates or times, not numbers.": "{name}里是日期或时间，不是数。",
    "{name} has a non-zero imaginary part ({value}): the answers here are real numbers — did an "
    "FFT or a complex number slip in? Take .real only if the imaginary part is round-off.":
        "{name}的虚部不为零（{value}）：这里的答案都是实数——是不是混进了 FFT 或复数？"
        "只有当虚部只是舍入误差时才取 .real。",
    "NaN (not a number)": "NaN（非数）",
    "infinite": "无穷大",
    "{name} is {what}: look for 0/0, a division by zero, an overflow or an uninitialised "
    "np.empty.":
        "{name}是{what}：检查有没有 0/0、除以零、溢出或未初始化的 np.empty。",
    "{name} contains NaN (not a number) at index {where}: look for 0/0, an empty mean or an "
    "uninitialised np.empty.":
        "{name}在索引 {where} 处是 NaN（非数）：检查有没有 0/0、空数组求均值或未初始化的 np.empty。",
    "{name} contains an infinite value at index {where}: look for a division by zero or an "
    "overflow.":
        "{name}在索引 {where} 处是无穷大：检查有没有除以零或溢出。",
    "{name} is empty (no entries); hand in one number.": "{name}是空的（没有元素）；请交一个数。",
    "{name} should be one number, but it holds {size} numbers (shape {shape}).":
        "{name}应该是一个数，但它有 {size} 个数（形状 {shape}）。",
    "{name} is {value}, not a whole number: this answer counts things.":
        "{name}是 {value}，不是整数：这个答案是在数个数。",
    "{name} is empty (shape {shape}): it has no entries.": "{name}是空的（形状 {shape}）：没有任何元素。",
    "{name} should be a tuple of whole numbers such as (2, 3, 4), got {got}.":
        "{name}应该是由整数组成的元组，例如 (2, 3, 4)，但得到的是 {got}。",
    "{name} should hold whole, non-negative numbers, got {got}.":
        "{name}应该由非负整数组成，但得到的是 {got}。",
    "{name} is still empty: define it, then pass it here (no brackets).":
        "{name}还是空的：先定义它，再把它传进来（不带括号）。",
    "pass the function itself (its name, no brackets); got a {kind}.":
        "请传函数本身（写函数名，不带括号）；得到的是一个 {kind}。",
    "{where}, your function raised {error_type}: {error}":
        "{where}，你的函数抛出了 {error_type}: {error}",
    # ------------------------------------------------------------------ _core: comparisons
    "(Your shape {got} was read as {want}: axes of length 1 in front are fine.)":
        "（你的形状 {got} 按 {want} 来读：前面长度为 1 的轴没有关系。）",
    "{name} has the right shape, but {hint}": "{name}的形状对了，但{hint}",
    "{name} is the right answer transposed (rows and columns swapped): entry [i, j] belongs at "
    "[j, i].":
        "{name}是正确答案的转置（行和列互换了）：元素 [i, j] 应该在 [j, i]。",
    "{name} is the right answer rotated by 180° (flipped up-down and left-right).":
        "{name}是正确答案旋转180度（上下、左右都翻转了）的结果。",
    "{name} is the right answer rotated by 90°.": "{name}是正确答案旋转 90° 的结果。",
    "{name} is the right answer reversed (flipped left-right, or the last axis in reverse "
    "order).":
        "{name}是正确答案的逆序（左右翻转，或最后一个轴倒过来了）。",
    "{name} has the right numbers with the wrong sign: check which term is subtracted from "
    "which.":
        "{name}的数值对了，但符号反了：检查是谁减谁。",
    "{name} is the right answer times {factor}: a factor is missing or extra (a mean instead of "
    "a sum, or a divide by the batch size?).":
        "{name}是正确答案乘以 {factor}：少了或多了一个因子（是不是用了均值而不是求和，"
        "或者除以了批量大小？）。",
    "{name} holds whole numbers where the answer has fractions: was it rounded or cast to int "
    "(astype(int), an int array, //)? Keep floats.":
        "{name}里都是整数，而答案有小数：是不是被取整或转成了 int（astype(int)、整数数组、//）？"
        "请保留浮点数。",
    "{name} has the right shape, but {count} of {size} entries differ; the first is at index "
    "{first}: got {got}, expected {want}.":
        "{name}的形状对了，但 {size} 个元素中有 {count} 个不同；第一个在索引 {first}："
        "得到 {got}，应为 {want}。",
    "{name} is the right answer transposed: shape {got} instead of {want} (rows and columns "
    "swapped; .T or swapaxes turns it back, a reshape would not).":
        "{name}是正确答案的转置：形状是 {got} 而不是 {want}（行和列互换了；"
        "用 .T 或 swapaxes 可以换回来，reshape 不行）。",
    "{name} has shape {got}: rows and columns are swapped; expected {want}.":
        "{name}的形状是 {got}：行和列弄反了；应为 {want}。",
    "{name} holds the right numbers in the right order, but has shape {got}; reshape it to "
    "{want}.":
        "{name}的数和顺序都对，但形状是 {got}；请 reshape 成 {want}。",
    "{name} has the right number of entries ({size}) but shape {got}; expected {want}.":
        "{name}的元素个数（{size}）对了，但形状是 {got}；应为 {want}。",
    "{name} has shape {got}; expected {want}.": "{name}的形状是 {got}；应为 {want}。",
    "{value} is not it: {hint}": "{value} 不对：{hint}",
}
