"""Chinese (简体中文) text for the checker modules not yet moved into exercise units:
``ZH[english_template] = chinese_template`` (the old mechanism; see CONTRIBUTING.md, "How to
add an exercise": each unit keeps its messages under ids in its own ``messages.toml``).

Keys are the literal English templates passed to ``msg`` in the checker modules; values use
the same ``{fields}``.  Terms follow zh.d2l.ai (互相关, 卷积核, 步幅, 填充, 膨胀, 通道, 形状,
转置, 梯度, 批量 …) and quote the article where its artifacts appear (整容, 旋转180度, 参与度).
``tests/test_exercises_messages.py`` fails when a template lacks its entry here.
"""

ZH = {
    # ------------------------------------------------------------------ shared by several modules
    # (the text of _core and of notebook 01's checkers moved to id-keyed TOML catalogs:
    # _core.toml and the unit folders of ex01/)
    "{first} {second}": "{first}{second}",
    "{first} Or: {second}": "{first}或者：{second}",
    "what your function returns": "你的函数返回的值",
    "{where}: {hint}": "{where}：{hint}",
    # ------------------------------------------------------------------ ex00
    "you computed I - K = 2; count the window positions: it starts at columns 0, 1 and 2, so "
    "add 1.":
        "你算的是 I - K = 2；数一数窗口的位置：它从第 0、1、2 列开始，所以要加 1。",
    "5 is the input's width; a 3-wide window fits in fewer places.":
        "5 是输入的宽度；宽为 3 的窗口能放下的位置更少。",
    "9 is the number of output pixels (3 x 3); the question asks for the width.":
        "9 是输出像素的个数（3 × 3）；题目问的是宽度。",
    "4 would need a 4th window starting at column 3, reaching columns 3, 4 and 5 — but the input "
    "has columns 0..4 only.":
        "4 需要第 4 个窗口从第 3 列开始，覆盖第 3、4、5 列——但输入只有第 0..4 列。",
    "8 = I + K: the kernel's width is taken away, not added: 5 - 3 + 1.":
        "8 = I + K：卷积核的宽度要减去，而不是加上：5 - 3 + 1。",
    "7 = I + K - 1 is the size of a 'full' correlation (the input padded by K - 1 on both sides); "
    "without padding the window stays inside: 5 - 3 + 1.":
        "7 = I + K - 1 是全互相关的大小（输入两侧各填充 K - 1）；"
        "没有填充时窗口必须留在输入内部：5 - 3 + 1。",
    "1 would be a window as wide as the input; a 3-wide window slides over 5 columns.":
        "1 对应一个和输入一样宽的窗口；宽为 3 的窗口要在 5 列上滑动。",
    "25 is the number of input pixels (5 x 5); the question asks for the output's width.":
        "25 是输入像素的个数（5 × 5）；题目问的是输出的宽度。",
    "15 = 5 x 3 multiplies two sizes; the output width is I - K + 1.":
        "15 = 5 × 3 是把两个尺寸相乘；输出宽度是 I - K + 1。",
    "O = I - K + 1 = 5 - 3 + 1 = 3.": "O = I - K + 1 = 5 - 3 + 1 = 3。",
    "the window is 3 wide and must stay inside the 5 columns.": "窗口宽 3，必须留在这 5 列之内。",
    # ------------------------------------------------------------------ ex02
    "output {o} sits at output row {r}, column {c}; list the ids of the 3x3 input block with that "
    "top-left corner, row by row.":
        "输出 {o} 位于输出的第 {r} 行、第 {c} 列；请逐行列出以该位置为左上角的 3×3 输入块的 id。",
    "your function computes every output of both test problems, including a non-square input "
    "and kernel.":
        "你的函数算对了两道测试题的每一个输出，包括非方形的输入和卷积核。",
    "input ids are whole numbers from 0 to 24, e.g. [0, 1, 2, ...].":
        "输入 id 是 0 到 24 的整数，例如 [0, 1, 2, ...]。",
    "output {o} is output row {r}, column {c}, so its window starts at input row {r}, column "
    "{c}: input id {first}.":
        "输出 {o} 在输出的第 {r} 行、第 {c} 列，所以它的窗口从输入的第 {r} 行、第 {c} 列开始："
        "输入 id {first}。",
    "you gave {n} ids; a 3x3 kernel reads {k} inputs per output.":
        "你给了 {n} 个 id；3×3 卷积核每个输出读取 {k} 个输入。",
    "the right 9 inputs, listed column by column. Kernel ids go row by row: weights 0, 1, 2 are "
    "the kernel's top row.":
        "这 9 个输入是对的，但你是按列列出的。卷积核 id 按行排列：权重 0、1、2 是卷积核的第一行。",
    "the right 9 inputs, but list them in kernel-id order: the input that kernel weight 0 "
    "multiplies first, then weight 1, ... up to weight 8.":
        "这 9 个输入是对的，但要按卷积核 id 的顺序列出：先是与权重 0 相乘的输入，然后是权重 1，"
        "……一直到权重 8。",
    "every id is 1 too big: ids count from 0 (the top-left input is id 0).":
        "每个 id 都大了 1：id 从 0 开始（左上角输入的 id 为 0）。",
    "you started the window at input id {o}, the output's id. Output ids count over the 3x3 "
    "output: id {o} is output row {r}, column {c}; the window starts at input row {r}, column "
    "{c}.":
        "你让窗口从输入 id {o}（即输出的 id）开始。输出 id 是在 3×3 的输出上数的："
        "id {o} 是输出的第 {r} 行、第 {c} 列；窗口从输入的第 {r} 行、第 {c} 列开始。",
    "rows and columns are swapped: output {o} is row {r}, column {c} (id = row * 3 + column).":
        "行和列弄反了：输出 {o} 在第 {r} 行、第 {c} 列（id = 行 * 3 + 列）。",
    "the window is a 3x3 block, not 9 ids in a row: after 3 ids, jump to the next input row "
    "(+{w}).":
        "窗口是一个 3×3 的块，而不是连续的 9 个 id：每 3 个 id 之后，跳到输入的下一行（+{w}）。",
    "that is the window of output {prev}: output ids count from 0, so output {o} is output row "
    "{r}, column {c}.":
        "这是输出 {prev} 的窗口：输出 id 从 0 开始，所以输出 {o} 在输出的第 {r} 行、第 {c} 列。",
    "0..8 are the kernel's ids; the question asks for the *input* ids that output {o} reads.":
        "0..8 是卷积核的 id；题目问的是输出 {o} 读取的*输入* id。",
    "on the article's 5x5 example": "在原文的 5×5 例子上",
    "on a {h}x{w} input with a {kh}x{kw} kernel": "在 {h}×{w} 的输入和 {kh}×{kw} 的卷积核上",
    "{where}, output ({r}, {c})": "{where}，输出 ({r}, {c}) 处",
    "{where}, output ({r}, {c}) should be {want}, your function gives {got}. Use k.shape[0] for "
    "the window's rows and k.shape[1] for its columns.":
        "{where}，输出 ({r}, {c}) 应为 {want}，你的函数给出 {got}。窗口的行数用 k.shape[0]，"
        "列数用 k.shape[1]。",
    "{where}, output ({r}, {c}) should be {want}, your function gives {got}.":
        "{where}，输出 ({r}, {c}) 应为 {want}，你的函数给出 {got}。",
    "your list of ids": "你的 id 列表",
    "that is the true convolution (kernel flipped). The layer computes cross-correlation: "
    "x[r+i, c+j] * k[i, j], kernel as it is.":
        "这是真正的卷积（卷积核翻转了）。这一层计算的是互相关：x[r+i, c+j] * k[i, j]，"
        "卷积核保持原样。",
    "rows and columns are swapped: output (r, c) reads input rows r..r+KH-1 and columns "
    "c..c+KW-1.":
        "行和列弄反了：输出 (r, c) 读取输入的第 r..r+KH-1 行和第 c..c+KW-1 列。",
    "the kernel is used transposed: k[i, j] multiplies x[r+i, c+j].":
        "卷积核被转置着用了：k[i, j] 乘的是 x[r+i, c+j]。",
    "that is the sum of the window's inputs: multiply each by its weight k[i, j] before adding.":
        "这是窗口内输入之和：相加之前要先把每个输入乘以它的权重 k[i, j]。",
    "the window is one row and one column short: range(KH) runs 0..KH-1, and x[r:r+KH] ends "
    "before r+KH.":
        "窗口少了一行和一列：range(KH) 取 0..KH-1，x[r:r+KH] 在 r+KH 之前结束。",
    "the window misses its last column: loop over range(k.shape[1]) columns (x[r:r+KH, "
    "c:c+KW]).":
        "窗口少了最后一列：列要循环 range(k.shape[1])（x[r:r+KH, c:c+KW]）。",
    "the window misses its last row: loop over range(k.shape[0]) rows (x[r:r+KH, c:c+KW]).":
        "窗口少了最后一行：行要循环 range(k.shape[0])（x[r:r+KH, c:c+KW]）。",
    "the right numbers with the wrong sign.": "数值对了，符号反了。",
    "your function returns an array of shape {shape}: add up the products to get one number "
    "(np.sum).":
        "你的函数返回了形状为 {shape} 的数组：把乘积加起来，得到一个数（np.sum）。",
    "{hint} Use k.shape for the window size.": "{hint}窗口大小请用 k.shape。",
    # ------------------------------------------------------------------ ex03
    "your dX is {n}x{n} but the input is 5x5: you {what}. Pad dZ by K-1 = 2 on every side (7x7), "
    "then the 3x3 correlation gives 5x5.":
        "你的 dX 是 {n}×{n}，但输入是 5×5：你{what}。在 dZ 四周各填充 K-1 = 2（得到 7×7），"
        "再做 3×3 的互相关就得到 5×5。",
    "your count table": "你的计数表",
    "did not pad dZ": "没有填充 dZ",
    "padded dZ by {pad}": "把 dZ 填充了 {pad}",
    "your dX": "你的 dX",
    "that has the output's shape ({ho}x{wo}); there is one count per *input* pixel: shape ({h}, "
    "{w}).":
        "这是输出的形状（{ho}×{wo}）；每个*输入*像素对应一个计数：形状为 ({h}, {w})。",
    "that has the kernel's shape; there is one count per *input* pixel: shape ({h}, {w}).":
        "这是卷积核的形状；每个*输入*像素对应一个计数：形状为 ({h}, {w})。",
    "your counts add up to {total}, but there are {ho}x{wo} = {outputs} outputs of {taps} "
    "multiply-adds each = {right}: every multiply-add uses exactly one input.":
        "你的计数加起来是 {total}，但共有 {ho}×{wo} = {outputs} 个输出，每个输出 {taps} 次乘加，"
        "合计 {right}：每次乘加恰好用到一个输入。",
    "the kernel is not rotated: correlate the padded dZ with k rotated by 180° (k[::-1, ::-1]).":
        "卷积核没有旋转：把填充后的 dZ 与旋转180度的 k（k[::-1, ::-1]）做互相关。",
    "you transposed the kernel; rotating by 180° is different: flip both axes, k[::-1, ::-1] (or "
    "np.rot90(k, 2)).":
        "你把卷积核转置了；旋转180度不一样：要翻转两个轴，k[::-1, ::-1]（或 np.rot90(k, 2)）。",
    "you flipped the kernel up-down only; a 180° rotation flips left-right too: k[::-1, ::-1].":
        "你只把卷积核上下翻转了；旋转180度还要左右翻转：k[::-1, ::-1]。",
    "you flipped the kernel left-right only; a 180° rotation flips up-down too: k[::-1, ::-1].":
        "你只把卷积核左右翻转了；旋转180度还要上下翻转：k[::-1, ::-1]。",
    "you rotated dZ instead of the kernel.": "你旋转的是 dZ，而不是卷积核。",
    "you rotated the kernel by 90° (np.rot90(k)); the article rotates by 180°: np.rot90(k, 2) or "
    "k[::-1, ::-1].":
        "你把卷积核旋转了 90°（np.rot90(k)）；原文要求旋转180度：np.rot90(k, 2) 或 k[::-1, ::-1]。",
    "you rotated the kernel by 90° clockwise (np.rot90(k, -1)); the article rotates by 180°: "
    "np.rot90(k, 2) or k[::-1, ::-1].":
        "你把卷积核顺时针旋转了 90°（np.rot90(k, -1)）；原文要求旋转180度："
        "np.rot90(k, 2) 或 k[::-1, ::-1]。",
    "you rotated the kernel by 180° and also transposed it: only the rotation is needed.":
        "你把卷积核旋转了180度，又做了转置：只需要旋转。",
    "dX = dZ padded by K-1 = 2, correlated with the kernel rotated 180°: every input collects dZ "
    "x the weight it met.":
        "dX = 填充 K-1 = 2 后的 dZ 与旋转180度的卷积核做互相关：每个输入收集 dZ 乘以它遇到的权重。",
    "not every input takes part {n} times: a corner is covered by one window only. Count, for "
    "each input pixel, the windows that cover it.":
        "并不是每个输入都参与 {n} 次：角上的像素只被一个窗口覆盖。请对每个输入像素数一数覆盖它的窗口。",
    "every input is covered by at least one window, but the middle ones by several: count them "
    "all.":
        "每个输入至少被一个窗口覆盖，但中间的会被好几个窗口覆盖：全部数出来。",
    "these are the counts along the rows only: multiply by the windows covering the column too.":
        "这只是沿行方向的计数：还要乘以覆盖该列的窗口数。",
    "these are the counts along the columns only: multiply by the windows covering the row too.":
        "这只是沿列方向的计数：还要乘以覆盖该行的窗口数。",
    "you added the row and column counts; a pixel is covered by (windows on its row) x (windows "
    "on its column): multiply.":
        "你把行计数和列计数相加了；一个像素被（它所在行的窗口数）×（它所在列的窗口数）个窗口覆盖："
        "要相乘。",
    "they sum to {total} = {outputs} outputs x {taps} multiply-adds; each count is (windows "
    "covering the row) x (windows covering the column).":
        "它们的和是 {total} = {outputs} 个输出 x {taps} 次乘加；每个计数（参与度）="
        "（覆盖该行的窗口数）×（覆盖该列的窗口数）。",
    "the total is right, but some inputs are off. Count, for each input pixel, how many {kh}x{kw} "
    "windows cover it.":
        "总数对了，但有些输入不对。请对每个输入像素数一数有多少个 {kh}×{kw} 窗口覆盖它。",
    # ------------------------------------------------------------------ ex04
    "dW has the input's shape (5, 5); it needs one number per kernel weight, shape (3, 3). Slide "
    "dZ (3×3) over X (5×5): it fits in 3×3 positions.":
        "dW 的形状是输入的形状 (5, 5)；它应该每个卷积核权重对应一个数，形状 (3, 3)。"
        "让 dZ（3×3）在 X（5×5）上滑动：它能放在 3×3 个位置。",
    "dW has shape (7, 7): that is a 'full' correlation (dZ padded by 2). dW needs the 'valid' one "
    "— dZ slides over X only where it fits — shape (3, 3).":
        "dW 的形状是 (7, 7)：这是全互相关（dZ 填充了 2）。dW 需要的是有效互相关"
        "——dZ 只在 X 上放得下的位置滑动——形状 (3, 3)。",
    "dW has shape (1, 1): you slid X over dZ. X is the bigger one: slide dZ over X (dW[i, j] = Σ "
    "dZ[a, b]·X[a+i, b+j]), which gives shape (3, 3).":
        "dW 的形状是 (1, 1)：你让 X 在 dZ 上滑动了。X 更大：应让 dZ 在 X 上滑动"
        "（dW[i, j] = Σ dZ[a, b]·X[a+i, b+j]），得到形状 (3, 3)。",
    "dW is a single number; it needs one number per kernel weight, shape (3, 3): dW[i, j] = Σ "
    "dZ[a, b]·X[a+i, b+j].":
        "dW 只有一个数；它应该每个卷积核权重对应一个数，形状 (3, 3)：dW[i, j] = Σ dZ[a, b]·X[a+i, b+j]。",
    "your dW": "你的 dW",
    "you have one dW per sample, shape (4, 1, 3, 3). The batch shares one kernel, and every "
    "sample's outputs add to the loss, so add the four contributions up: dW has the kernel's "
    "shape (1, 1, 3, 3).":
        "你给每个样本算了一个 dW，形状 (4, 1, 3, 3)。整个批量共用一个卷积核，每个样本的输出都计入"
        "损失，所以要把四份贡献加起来：dW 的形状与卷积核相同，(1, 1, 3, 3)。",
    "you have one dW per sample, shape (4, 3, 3). The batch shares one kernel: sum over the batch "
    "axis and keep the kernel's shape (1, 1, 3, 3).":
        "你给每个样本算了一个 dW，形状 (4, 3, 3)。整个批量共用一个卷积核：沿批量轴求和，"
        "并保持卷积核的形状 (1, 1, 3, 3)。",
    "your dW has shape (4, 4, 3, 3): every sample's X was correlated with every sample's dZ "
    "(conv2d_direct(x, dz) treats the 4 dZ maps as 4 filters). Sample n's X only meets sample n's "
    "dZ: keep the pairs (n, n) and sum them over n, giving the kernel's shape (1, 1, 3, 3).":
        "你的 dW 形状是 (4, 4, 3, 3)：每个样本的 X 都和每个样本的 dZ 做了互相关"
        "（conv2d_direct(x, dz) 把 4 张 dZ 图当成了 4 个卷积核）。样本 n 的 X 只和样本 n 的 dZ 相遇："
        "只保留 (n, n) 这些配对并对 n 求和，得到卷积核的形状 (1, 1, 3, 3)。",
    "db has shape (4, 2): you summed over the positions but not over the batch. Every sample used "
    "the same bias: sum over axes (0, 2, 3) to get one number per filter, shape (2,).":
        "db 的形状是 (4, 2)：你对位置求和了，但没有对批量求和。每个样本用的是同一个偏置："
        "沿轴 (0, 2, 3) 求和，每个卷积核得到一个数，形状 (2,)。",
    "db has shape (2, 3, 3): you summed over the batch but not over the positions. The bias was "
    "added at every output position: sum over axes (0, 2, 3).":
        "db 的形状是 (2, 3, 3)：你对批量求和了，但没有对位置求和。偏置加在了每个输出位置上："
        "沿轴 (0, 2, 3) 求和。",
    "db has shape (4,): one number per sample. db needs one number per filter (a filter's bias is "
    "shared by all samples and positions): sum over axes (0, 2, 3).":
        "db 的形状是 (4,)：每个样本一个数。db 需要每个卷积核一个数（一个卷积核的偏置由所有样本"
        "和所有位置共享）：沿轴 (0, 2, 3) 求和。",
    "db is a single number: you summed everything. Each filter has its own bias, so keep the "
    "filter axis: sum over axes (0, 2, 3) to get shape (2,).":
        "db 只有一个数：你把所有东西都加起来了。每个卷积核有自己的偏置，所以要保留卷积核（通道）轴："
        "沿轴 (0, 2, 3) 求和，得到形状 (2,)。",
    "db has shape (3, 3): you kept the positions. The bias is one number per filter, added at "
    "every position: sum over axes (0, 2, 3), shape (2,).":
        "db 的形状是 (3, 3)：你保留了位置。偏置是每个卷积核一个数，加在每个位置上："
        "沿轴 (0, 2, 3) 求和，形状 (2,)。",
    "db has shape (4, 3, 3): you summed over the filters, which must stay apart (one bias each). "
    "Sum over axes (0, 2, 3), shape (2,).":
        "db 的形状是 (4, 3, 3)：你对卷积核求和了，而它们必须分开（每个一个偏置）。"
        "沿轴 (0, 2, 3) 求和，形状 (2,)。",
    "your db": "你的 db",
    "dW is X correlated with dZ: a forward pass with dZ as the kernel.":
        "dW 是 X 与 dZ 的互相关：把 dZ 当作卷积核做一次前向传播。",
    "one kernel, shared by the batch, so the samples' contributions add up.":
        "一个卷积核由整个批量共享，所以各样本的贡献要相加。",
    "db[f] is dZ[:, f] summed over the batch and every position.":
        "db[f] 是 dZ[:, f] 对批量和所有位置求和。",
    "it is the right answer rotated by 180°: you correlated dZ with X (the wrong way round). "
    "Weight (i, j) met X[a+i, b+j] when it made output (a, b), so dW[i, j] = Σ dZ[a, b]·X[a+i, "
    "b+j]: X is the 'input', dZ the sliding 'kernel'.":
        "这是正确答案旋转180度的结果：你用 dZ 和 X 做了互相关（方向反了）。权重 (i, j) 在产生输出 "
        "(a, b) 时遇到的是 X[a+i, b+j]，所以 dW[i, j] = Σ dZ[a, b]·X[a+i, b+j]："
        "X 是“输入”，dZ 是滑动的“卷积核”。",
    "you flipped dZ (a true convolution). The forward pass is a correlation and so is dW: slide dZ "
    "over X without rotating it.":
        "你把 dZ 翻转了（真正的卷积）。前向传播是互相关，dW 也是：让 dZ 在 X 上滑动，不要旋转它。",
    "it is transposed: dW[i, j] belongs to kernel row i, column j; take X[a+i, b+j] with a, b "
    "running over the output rows and columns.":
        "它被转置了：dW[i, j] 属于卷积核的第 i 行、第 j 列；取 X[a+i, b+j]，a、b 遍历输出的行和列。",
    "that sums X over each window but leaves out dZ: every term is dZ[a, b]·X[a+i, b+j].":
        "这是把每个窗口里的 X 加起来，却漏了 dZ：每一项都是 dZ[a, b]·X[a+i, b+j]。",
    "it is the mean over the {n} output positions; every output adds its own term to the loss, so "
    "dW is the sum, not the average.":
        "这是对 {n} 个输出位置求的均值；每个输出都向损失贡献自己的一项，所以 dW 是求和，不是平均。",
    "you used |dZ|: the gradient's sign matters — negative dZ entries subtract.":
        "你用了 |dZ|：梯度的符号很重要——dZ 中的负数项是要减去的。",
    "it is the gradient from the first sample only. The kernel took part in all four samples' "
    "forward passes: sum the contributions over the batch.":
        "这只是第一个样本的梯度。卷积核参与了全部四个样本的前向传播：要把批量中的贡献加起来。",
    "it is the gradient from the last sample only (a loop that overwrote dW instead of adding to "
    "it?): sum the contributions over the batch.":
        "这只是最后一个样本的梯度（循环里是不是覆盖了 dW，而不是累加？）：要把批量中的贡献加起来。",
    "it is the mean over the batch. The loss adds up every sample's outputs, so the gradient is "
    "the sum over the batch, not the average.":
        "这是对批量求的均值。损失把每个样本的输出都加了起来，所以梯度是对批量求和，不是平均。",
    "it is rotated by 180°: you correlated dZ with X (the wrong way round); dW[i, j] = Σ_n Σ_(a,b) "
    "dZ[n, a, b]·X[n, a+i, b+j].":
        "它旋转了180度：你用 dZ 和 X 做了互相关（方向反了）；dW[i, j] = Σ_n Σ_(a,b) "
        "dZ[n, a, b]·X[n, a+i, b+j]。",
    "you summed X and dZ over the batch before correlating: that mixes sample m's X with sample "
    "n's dZ. Correlate each sample's pair, then sum.":
        "你在做互相关之前先对 X 和 dZ 沿批量求和了：这会把样本 m 的 X 和样本 n 的 dZ 混在一起。"
        "应先对每个样本的那一对做互相关，再求和。",
    "it is transposed: dW[..., i, j] belongs to kernel row i, column j.":
        "它被转置了：dW[..., i, j] 属于卷积核的第 i 行、第 j 列。",
    "it is the mean of dZ. The bias was added to every output, and each of those outputs passes "
    "its full gradient back to it: sum, don't average.":
        "这是 dZ 的均值。偏置加到了每个输出上，每个输出都把自己完整的梯度传回给它：要求和，不要平均。",
    "it is the sum divided by the batch size N = 4. The loss here is the sum of the outputs' "
    "terms, so db is the plain sum (a mean loss would already have put 1/N into dZ).":
        "这是和除以了批量大小 N = 4。这里的损失是各输出项之和，所以 db 就是直接求和"
        "（如果损失取均值，1/N 早已包含在 dZ 里了）。",
    "it is divided by the 9 positions: every position's output passes its full gradient to the "
    "bias — sum over positions, don't average.":
        "它除以了 9 个位置：每个位置的输出都把完整的梯度传给偏置——对位置求和，不要平均。",
    "it is the first sample's sum only: add every sample's contribution.":
        "这只是第一个样本的和：要把每个样本的贡献都加上。",
    "it sums only position (0, 0) of each map: the bias was added at every output position, so "
    "sum over all of them.":
        "这只加了每张图的位置 (0, 0)：偏置加在了每个输出位置上，所以要对所有位置求和。",
    "the two filters' sums are swapped: db[f] belongs to filter f = dZ[:, f].":
        "两个卷积核的和对调了：db[f] 属于卷积核 f，即 dZ[:, f]。",
    "you summed |dZ|: the gradient's sign matters — negative dZ entries subtract.":
        "你对 |dZ| 求和了：梯度的符号很重要——dZ 中的负数项是要减去的。",
    # ------------------------------------------------------------------ ex05
    "H={h}, K={k}, S={s}, P={p}, D={d}": "H={h}、K={k}、S={s}、P={p}、D={d}",
    "for {geometry} you gave {value}": "对于 {geometry}，你给的是 {value}",
    "{where}, your dx has shape {got}; expected {want}.": "{where}，你的 dx 形状是 {got}；应为 {want}。",
    "your list": "你的列表",
    "{where}; expected {want}. Use floor((H + 2P - D(K-1) - 1) / S) + 1.":
        "{where}；应为 {want}。请用 floor((H + 2P - D(K-1) - 1) / S) + 1。",
    "that has the output's shape ({ho}x{wo}); there is one count per *input* pixel: shape "
    "{size}.":
        "这是输出的形状（{ho}×{wo}）；每个*输入*像素对应一个计数：形状为 {size}。",
    "your table": "你的表",
    "for input {h}x{w}, K={k}, stride {s}, padding {p}":
        "对于 {h}×{w} 的输入、K={k}、步幅 {s}、填充 {p}",
    "your dx {where}": "{where}，你的 dx",
    "insert S-1 zeros between dZ entries, pad by K-1-P (crop if negative) and by the dropped rows "
    "at the end, correlate with rot180(k) — for every geometry.":
        "在 dZ 的元素之间插入 S-1 个零，填充 K-1-P（为负时改为裁剪），末尾再补上被舍去的行，"
        "然后与 rot180(k) 做互相关——每种几何参数都对。",
    "{head} dx must have the input's shape (H, W).": "{head}dx 必须与输入形状相同 (H, W)。",
    "a window cannot stop half-way: round down — floor((H + 2P - D(K-1) - 1) / S) + 1.":
        "窗口不能停在半路：向下取整——floor((H + 2P - D(K-1) - 1) / S) + 1。",
    "you rounded up; a window that would stick out past the padded input is not computed: take "
    "the floor.":
        "你向上取整了；会伸出填充后输入之外的窗口不参与计算：要向下取整。",
    "padding goes on both sides, so add 2P, not P.": "填充在两侧都有，所以加 2P，而不是 P。",
    "the padding is ignored: the window moves over H + 2P pixels.":
        "忽略了填充：窗口在 H + 2P 个像素上移动。",
    "the dilation is ignored: a dilated kernel reaches D(K-1) + 1 pixels, not K.":
        "忽略了膨胀：膨胀后的卷积核覆盖 D(K-1) + 1 个像素，而不是 K 个。",
    "a dilated kernel reaches D(K-1) + 1 pixels (K taps with D-1 gaps between neighbours), not "
    "D·K.":
        "膨胀后的卷积核覆盖 D(K-1) + 1 个像素（K 个卷积核位置，相邻两个之间隔 D-1 个像素），而不是 D·K。",
    "count the first window too — the formula ends in + 1.": "第一个窗口也要算上——公式最后是 + 1。",
    "the - 1 is missing: subtract the whole reach D(K-1) + 1 from the padded length.":
        "漏了 - 1：要从填充后的长度中减去整个覆盖范围 D(K-1) + 1。",
    "the stride is ignored: the window jumps S pixels, so divide by S (and round down).":
        "忽略了步幅：窗口每次跳 S 个像素，所以要除以 S（并向下取整）。",
    "that is H - K + 1, the formula for stride 1, no padding, no dilation.":
        "这是 H - K + 1，只适用于步幅 1、无填充、无膨胀的公式。",
    "give {n} numbers, one per geometry; got {got}.": "请给 {n} 个数，每种几何参数一个；你给了 {got} 个。",
    "floor((H + 2P - D(K-1) - 1) / S) + 1 — padding widens the room, dilation widens the kernel, "
    "stride divides the number of steps.":
        "floor((H + 2P - D(K-1) - 1) / S) + 1——填充扩大了空间，膨胀扩大了卷积核，步幅减少了步数。",
    "the right sizes in reverse order: give them in the order of OUTPUT_SIZE_PROBLEMS.":
        "大小都对，但顺序反了：请按 OUTPUT_SIZE_PROBLEMS 的顺序给出。",
    "these are the stride-1 counts: with stride 2 the windows start at rows 0, 2, … and columns "
    "0, 2, …, so they overlap far less.":
        "这是步幅为 1 时的计数：步幅为 2 时窗口从第 0、2、… 行和第 0、2、… 列开始，重叠要少得多。",
    "the last row is not reached by any window: with H = 6, K = 3, S = 2 the windows start at rows "
    "0 and 2 only (the floor), so row 5 takes part in nothing — count 0.":
        "最后一行不会被任何窗口覆盖：H = 6、K = 3、S = 2 时窗口只从第 0 行和第 2 行开始（向下取整），"
        "所以第 5 行什么都不参与——计数为 0。",
    "you marked which inputs are covered (0 or 1); count how many windows cover each one — where "
    "windows overlap it is 2 or 4.":
        "你标出了哪些输入被覆盖（0 或 1）；要数出每个输入被多少个窗口覆盖——窗口重叠处是 2 或 4。",
    "{n} everywhere is the average (K²/S² rounded down); count each pixel's windows.":
        "处处都是 {n} 只是平均值（K²/S² 向下取整）；要数出每个像素的窗口数。",
    "a covered pixel does not take part {n} times: it takes part once per window covering it.":
        "被覆盖的像素并不是参与 {n} 次：覆盖它的每个窗口让它参与一次。",
    "the counts add up to {total} = outputs × {taps} weights, and the row the floor dropped counts "
    "0 — its gradient is zero.":
        "计数之和为 {total} = 输出个数 × {taps} 个权重；被向下取整舍去的那一行计数为 0——它的梯度为零。",
    "{where}, your dx differs from the gradient (first difference at {first}: got {got}, expected "
    "{want}).":
        "{where}，你的 dx 与梯度不同（第一个不同之处在 {first}：得到 {got}，应为 {want}）。",
    "{head} It looks like dZ was padded without the zeros between its entries: insert stride-1 "
    "zeros first (dZ becomes (Ho-1)*S+1 long).":
        "{head}看起来 dZ 在填充之前没有在元素之间插入零：先插入（步幅 − 1）个零"
        "（dZ 的长度变为 (Ho-1)*S+1）。",
    "{head} That is the padded input's size: crop the padding P off each side.":
        "{head}这是填充后输入的大小：把每侧的填充 P 裁掉。",
    "{head} The rows the floor dropped (no window reached them) still need a gradient — zero: pad "
    "the end of dZ by those rows too, not only by K-1-P.":
        "{head}被向下取整舍去的行（没有窗口到达）也需要梯度——零：在 dZ 的末尾也要补上这些行，"
        "不只是 K-1-P。",
    "{head} Rows and columns are swapped: input_size is (H, W).":
        "{head}行和列弄反了：input_size 是 (H, W)。",
    "{got} is what the slip gives at all three geometries: {hint}":
        "{got} 正是这个错误在三种几何参数下给出的结果：{hint}",
    "{hint} Check: they must add up to {ho}×{wo} outputs × {taps} weights = {right}; yours add up "
    "to {total}.":
        "{hint}检查：总和必须是 {ho}×{wo} 个输出 × {taps} 个权重 = {right}；你的总和是 {total}。",
    "{where}, your dx is what an unrotated kernel gives: correlate with the kernel rotated 180° "
    "(k[::-1, ::-1]).":
        "{where}，你的 dx 是未旋转的卷积核给出的结果：要与旋转180度的卷积核（k[::-1, ::-1]）做互相关。",
    "{where}, your kernel is flipped up-down only; rotating by 180° flips left-right too: "
    "k[::-1, ::-1].":
        "{where}，你的卷积核只做了上下翻转；旋转180度还要左右翻转：k[::-1, ::-1]。",
    "{where}, your kernel is flipped left-right only; rotating by 180° flips up-down too: "
    "k[::-1, ::-1].":
        "{where}，你的卷积核只做了左右翻转；旋转180度还要上下翻转：k[::-1, ::-1]。",
    "{where}, your kernel is transposed as well as rotated: only rotate it, k[::-1, ::-1].":
        "{where}，你的卷积核既旋转又转置了：只需旋转，k[::-1, ::-1]。",
    "{where}, your dx is transposed: rows and columns are swapped (input_size is (H, W)).":
        "{where}，你的 dx 被转置了：行和列弄反了（input_size 是 (H, W)）。",
    "{where}, your dx has the right total but the values sit in the wrong places: check the zeros "
    "between dZ entries and the padding on each side.":
        "{where}，你的 dx 总和对了，但数值的位置不对：检查 dZ 元素之间的零和每一侧的填充。",
    "{where}, K-1-P = {n} is negative, and np.pad cannot pad by a negative amount: instead of "
    "padding dZ, crop {m} rows and columns off each side of the correlation's result (or pad by "
    "max(K-1-P, 0) and slice).":
        "{where}，K-1-P = {n} 是负数，np.pad 不能填充负的宽度：不要填充 dZ，而是从互相关结果的"
        "每一侧裁掉 {m} 行和 {m} 列（或者填充 max(K-1-P, 0) 再切片）。",
}
