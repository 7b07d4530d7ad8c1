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
    "your answer": "你的答案",
    "your shape": "你的形状",
    "every id is 1 too big: ids count from 0 (the top-left input is id 0).":
        "每个 id 都大了 1：id 从 0 开始（左上角输入的 id 为 0）。",
    "your dX": "你的 dX",
    # ------------------------------------------------------------------ ex06
    "you gave (row, column) pairs. The 整容 matrix holds flat input ids: id = row·{w} + column.":
        "你给的是（行，列）对。“整容”矩阵里存的是展平后的输入 id：id = 行·{w} + 列。",
    "your row": "你的这一行",
    "you have Yᵀ, shape (L, F) = (9, 2): the kernels go on the left. W (F, C·KH·KW) @ cols "
    "(C·KH·KW, L) gives (F, L) = (2, 9); then reshape to (N, F, Ho, Wo) = (1, 2, 3, 3).":
        "你得到的是 Yᵀ，形状 (L, F) = (9, 2)：卷积核要放在左边。W (F, C·KH·KW) @ cols (C·KH·KW, L) "
        "得到 (F, L) = (2, 9)；再 reshape 成 (N, F, Ho, Wo) = (1, 2, 3, 3)。",
    "you have Yᵀ, shape (N, L, F): compute W (F, C·KH·KW) @ cols (C·KH·KW, L) to get (F, L), then "
    "reshape to (1, 2, 3, 3).":
        "你得到的是 Yᵀ，形状 (N, L, F)：计算 W (F, C·KH·KW) @ cols (C·KH·KW, L) 得到 (F, L)，"
        "再 reshape 成 (1, 2, 3, 3)。",
    "you have a 9×9 matrix: that is cols itself (or colsᵀ @ cols). Multiply the flattened kernels "
    "W = w.reshape(2, -1) with cols: W @ cols is (2, 9).":
        "你得到的是 9×9 矩阵：那是 cols 本身（或 colsᵀ @ cols）。把展平的卷积核 W = w.reshape(2, -1) "
        "与 cols 相乘：W @ cols 是 (2, 9)。",
    "your y": "你的 y",
    "that is dcols = Wᵀ·dY ({taps} × {outputs}: one row per kernel tap, one column per output). Now "
    "fold it back into the {h}×{w} input with col2im, adding the entries that land on the same "
    "pixel.":
        "这是 dcols = Wᵀ·dY（{taps} × {outputs}：每个卷积核位置一行，每个输出一列）。现在用 col2im "
        "把它折回 {h}×{w} 的输入，落在同一像素上的元素要相加。",
    "that is dcols transposed ({outputs} × {taps}): Wᵀ·dY has one row per kernel tap and one "
    "column per output — Wᵀ (C·KH·KW, F) @ dY (F, L). Fold that into the input.":
        "这是 dcols 的转置（{outputs} × {taps}）：Wᵀ·dY 每个卷积核位置一行、每个输出一列——"
        "Wᵀ (C·KH·KW, F) @ dY (F, L)。把它折回输入。",
    "dX has the input's shape (1, 1, {h}, {w}): every input pixel gets a gradient; ({ho}, {wo}) "
    "is the output's.":
        "dX 的形状与输入相同 (1, 1, {h}, {w})：每个输入像素都有一个梯度；({ho}, {wo}) 是输出的形状。",
    "that is dY's shape; dX has the input's shape (1, 1, {h}, {w}).":
        "这是 dY 的形状；dX 的形状与输入相同 (1, 1, {h}, {w})。",
    "you have one dX per filter, shape ({f}, {h}, {w}): the input received gradient through every "
    "filter, so add them — Wᵀ·dY does that sum.":
        "你给每个卷积核算了一个 dX，形状 ({f}, {h}, {w})：输入通过每个卷积核都收到了梯度，"
        "所以要相加——Wᵀ·dY 正是在做这个求和。",
    "you have one dX per filter, shape (1, {f}, {h}, {w}): the input received gradient through "
    "every filter, so add them — Wᵀ·dY does that sum.":
        "你给每个卷积核算了一个 dX，形状 (1, {f}, {h}, {w})：输入通过每个卷积核都收到了梯度，"
        "所以要相加——Wᵀ·dY 正是在做这个求和。",
    "you listed the window column by column. im2col's columns follow the flattened kernel, row by "
    "row: weights 0, 1, 2 are the kernel's top row.":
        "你是按列列出窗口的。im2col 的顺序跟随展平的卷积核，逐行排列：权重 0、1、2 是卷积核的第一行。",
    "rows and columns are swapped: output {o} is at row {oy}, column {ox}, so its window's "
    "top-left input is ({oy}, {ox}), id {first}.":
        "行和列弄反了：输出 {o} 在第 {oy} 行、第 {ox} 列，所以它的窗口左上角输入是 ({oy}, {ox})，"
        "id 为 {first}。",
    "you started the window at input id {o}, the output's id. Output ids count over the {ho}×{wo} "
    "output: id {o} is output ({oy}, {ox}).":
        "你让窗口从输入 id {o}（即输出的 id）开始。输出 id 是在 {ho}×{wo} 的输出上数的："
        "id {o} 是输出 ({oy}, {ox})。",
    "output {o} is at ({oy}, {ox}), so it reads X[{oy}:{y_end}, {ox}:{x_end}], row by row.":
        "输出 {o} 位于 ({oy}, {ox})，所以它逐行读取 X[{oy}:{y_end}, {ox}:{x_end}]。",
    "Y = W·cols + b, one matrix product for all outputs.": "Y = W·cols + b，一次矩阵乘法算出所有输出。",
    "dX = col2im(Wᵀ·dY): every copy's gradient added back onto its pixel.":
        "dX = col2im(Wᵀ·dY)：每个副本的梯度都加回到它原来的像素上。",
    "the ids use a row length of {width}. An input id is row·W + column with W = {w}, the width of "
    "the input (not of the output or kernel).":
        "这些 id 用的行长是 {width}。输入 id = 行·W + 列，其中 W = {w} 是输入的宽度"
        "（不是输出或卷积核的宽度）。",
    "that is the row of output {other}, at (row, column) = ({py}, {px}). The output is {ho}×{wo}, "
    "so output {o} sits at ({o} // {wo}, {o} % {wo}) = ({oy}, {ox}).":
        "这是输出 {other} 的那一行，位于（行，列）= ({py}, {px})。输出是 {ho}×{wo}，"
        "所以输出 {o} 位于 ({o} // {wo}, {o} % {wo}) = ({oy}, {ox})。",
    "the kernel was flattened column by column (a transpose, or order='F'). im2col's rows follow "
    "the kernel row by row (weight id = i·KW + j), so flatten with w.reshape(F, -1).":
        "卷积核是按列展平的（做了转置，或用了 order='F'）。im2col 的行按卷积核逐行排列"
        "（权重 id = i·KW + j），所以要用 w.reshape(F, -1) 展平。",
    "the bias is missing: add b[f] to every output of filter f (b[:, None] after the product).":
        "漏了偏置：给卷积核 f 的每个输出加上 b[f]（乘积之后加 b[:, None]）。",
    "the bias is subtracted: Y = W·cols + b.": "偏置被减掉了：Y = W·cols + b。",
    "the kernel is rotated by 180° (a true convolution). The forward pass is a correlation: use "
    "the kernel as it is.":
        "卷积核旋转了180度（真正的卷积）。前向传播是互相关：卷积核保持原样。",
    "its numbers are scrambled: you reshaped Yᵀ (L, F) straight into (1, 2, 3, 3). Compute W @ "
    "cols, which is (F, L), and reshape that.":
        "数值被打乱了：你把 Yᵀ (L, F) 直接 reshape 成了 (1, 2, 3, 3)。应计算 W @ cols（形状 (F, L)），"
        "再对它 reshape。",
    "the two filters' outputs are swapped: row f of W @ cols is output channel f.":
        "两个卷积核的输出对调了：W @ cols 的第 f 行是输出通道 f。",
    "the biases are swapped between the filters: b[f] belongs to filter f.":
        "两个卷积核的偏置对调了：b[f] 属于卷积核 f。",
    "you divided by the participation counts, as if col2im had to undo im2col (an inverse). The "
    "gradient needs the adjoint (transpose): a pixel that sat in k windows receives the SUM of its "
    "k contributions — don't divide.":
        "你除以了参与度，好像 col2im 要撤销 im2col（求逆）。梯度需要的是伴随（转置）："
        "位于 k 个窗口中的像素收到的是它 k 份贡献的和——不要除。",
    "some contributions were overwritten instead of added (the last one written won). A pixel that "
    "sat in k windows must receive the sum of all k: accumulate with += (ck.col2im does).":
        "有些贡献被覆盖了，而不是相加（最后写入的那个赢了）。位于 k 个窗口中的像素必须收到全部 "
        "k 份之和：用 += 累加（ck.col2im 就是这样做的）。",
    "some contributions were overwritten instead of added (only the first one stayed). A pixel "
    "that sat in k windows must receive the sum of all k: accumulate with += (ck.col2im does).":
        "有些贡献被覆盖了，而不是相加（只留下了第一个）。位于 k 个窗口中的像素必须收到全部 "
        "k 份之和：用 += 累加（ck.col2im 就是这样做的）。",
    "the kernel is rotated by 180°. The rotation belongs to the direct method's 'full "
    "correlation'; with im2col, Wᵀ·dY puts each weight in its own row and col2im puts it in the "
    "right place — no rotation needed.":
        "卷积核旋转了180度。旋转属于直接法的“全互相关”；用 im2col 时，Wᵀ·dY 把每个权重放在"
        "自己的行里，col2im 再把它放回正确的位置——不需要旋转。",
    "the kernel was flattened column by column (w.transpose, or order='F'): im2col's rows follow "
    "the kernel row by row, so W = w.reshape(F, -1).":
        "卷积核是按列展平的（w.transpose，或 order='F'）：im2col 的行按卷积核逐行排列，"
        "所以 W = w.reshape(F, -1)。",
    "dY was flattened column by column: its columns must follow the outputs row by row "
    "(dy.reshape(F, -1)), the order im2col gives them.":
        "dY 是按列展平的：它的列必须按输出逐行排列（dy.reshape(F, -1)），也就是 im2col 给出的顺序。",
    "only filter 0 is there: Wᵀ·dY sums over all {f} filters (every filter sent gradient back to "
    "the input).":
        "这里只有卷积核 0：Wᵀ·dY 要对全部 {f} 个卷积核求和（每个卷积核都把梯度传回了输入）。",
    "the filters are paired with the wrong dY maps: row f of W goes with dY[:, f].":
        "卷积核与 dY 图配错了：W 的第 f 行对应 dY[:, f]。",
    # ------------------------------------------------------------------ ex07
    "{where}, your output has shape {got}; expected {want}.":
        "{where}，你的输出形状是 {got}；应为 {want}。",
    "that is the ungrouped shape: each filter reads only its group's channels, C/groups = "
    "{c}/{g}.":
        "这是不分组时的形状：每个卷积核只读取它所在组的通道，C/groups = {c}/{g}。",
    "the first axis counts *all* filters, over every group: F = {f}, not F/groups.":
        "第一个轴数的是所有组里的*全部*卷积核：F = {f}，而不是 F/groups。",
    "the order is (F, C/groups, KH, KW): filters first.": "顺序是 (F, C/groups, KH, KW)：卷积核个数在前。",
    "the order is (F, C/groups, KH, KW): filters first, and it is the input channels that are "
    "divided by the groups.":
        "顺序是 (F, C/groups, KH, KW)：卷积核个数在前，而被组数整除的是输入通道数。",
    "convkit (like PyTorch) keeps four axes: (F, C/groups, KH, KW).":
        "convkit（和 PyTorch 一样）保持四个轴：(F, C/groups, KH, KW)。",
    "convkit (like PyTorch) keeps the groups inside the filter axis: four axes, (F, C/groups, KH, "
    "KW).":
        "convkit（和 PyTorch 一样）把组包含在卷积核轴里：四个轴，(F, C/groups, KH, KW)。",
    "keep the kernel's two axes: (F, C/groups, KH, KW).": "保留卷积核的两个轴：(F, C/groups, KH, KW)。",
    "the kernel's size is missing: (F, C/groups, KH, KW).": "漏了卷积核的大小：(F, C/groups, KH, KW)。",
    "the groups are not an axis of their own: they split the filters, so the shape is (F, "
    "C/groups, KH, KW).":
        "组不是单独的一个轴：它们把卷积核分成几份，所以形状是 (F, C/groups, KH, KW)。",
    "it is the input channels that each filter sees that shrink, not the number of filters: (F, "
    "C/groups, KH, KW).":
        "变少的是每个卷积核看到的输入通道数，而不是卷积核的个数：(F, C/groups, KH, KW)。",
    "the kernel is {k}×{k}: (F, C/groups, KH, KW).": "卷积核是 {k}×{k}：(F, C/groups, KH, KW)。",
    "{shape} is not it: the weight has shape (filters, input channels per group, KH, KW).":
        "{shape} 不对：权重的形状是（卷积核个数，每组输入通道数，KH，KW）。",
    "your cols shape": "你的 cols 形状",
    "your W shape": "你的 W 形状",
    "each filter has weights for all {c} channels: F × C·K·K.":
        "每个卷积核对全部 {c} 个通道都有权重：F × C·K·K。",
    "W multiplies cols from the left (W @ cols), so it is F × C·K·K.":
        "W 从左边乘 cols（W @ cols），所以它是 F × C·K·K。",
    "flatten everything but the filter axis: W is a matrix.": "除卷积核轴之外全部展平：W 是一个矩阵。",
    "that is the weight as stored; as a matrix it is w.reshape(F, -1): F × C·K·K.":
        "这是权重存储时的形状；作为矩阵它是 w.reshape(F, -1)：F × C·K·K。",
    "the weight does not depend on the batch: W is F × C·K·K.": "权重与批量无关：W 是 F × C·K·K。",
    "W: {hint}": "W：{hint}",
    "for y {h}x{w}, K={k}, stride {s}": "对于 {h}×{w} 的 y、K={k}、步幅 {s}",
    "scatter-adding y·k at stride-spaced offsets is the transposed convolution — the same numbers "
    "as the input gradient of the convolution.":
        "把 y·k 按步幅间隔的偏移散布累加，就是转置卷积——数值与卷积的输入梯度相同。",
    "{head} The output is (h-1)·stride + K by (w-1)·stride + K.":
        "{head}输出是 (h-1)·stride + K 乘 (w-1)·stride + K。",
    "each of the {f} filters sees only the {cg} channels of its group: {grouped} weights instead "
    "of {dense}.":
        "{f} 个卷积核中的每一个只看到它所在组的 {cg} 个通道：{grouped} 个权重，而不是 {dense} 个。",
    "a weight has four axes (F, C/groups, KH, KW); you gave {n}.":
        "权重有四个轴 (F, C/groups, KH, KW)；你给了 {n} 个。",
    "cols {cols}: one column per output pixel, one row per (channel, tap); W {w}; Y = W @ cols is "
    "({f}, {l}) per image.":
        "cols {cols}：每个输出像素一列，每个（通道，卷积核位置）一行；W {w}；每张图像的 Y = W @ cols 是 "
        "({f}, {l})。",
    "each column holds the patch from *every* channel: C·K·K = {c}·{k}·{k} rows, not K·K.":
        "每一列包含*所有*通道的图块：C·K·K = {c}·{k}·{k} 行，而不是 K·K。",
    "one column per *output* pixel: Ho·Wo = {ho}·{ho}, not H·W.":
        "每个*输出*像素一列：Ho·Wo = {ho}·{ho}，而不是 H·W。",
    "convkit's im2col (like torch's unfold) puts the patch down a column: (N, C·K·K, Ho·Wo) — you "
    "have the article's row-per-output layout, its transpose.":
        "convkit 的 im2col（和 torch 的 unfold 一样）把图块竖着放成一列：(N, C·K·K, Ho·Wo)——"
        "你用的是原文里每个输出一行的布局，也就是它的转置。",
    "keep the batch axis in front: (N, C·K·K, Ho·Wo).": "把批量轴放在最前面：(N, C·K·K, Ho·Wo)。",
    "cols does not know the filters; it only rearranges x.": "cols 与卷积核无关；它只是重新排列 x。",
    "im2col merges channel and tap into one axis: (N, C·K·K, Ho·Wo).":
        "im2col 把通道和卷积核位置合并成一个轴：(N, C·K·K, Ho·Wo)。",
    "im2col flattens the output positions into one axis: (N, C·K·K, Ho·Wo).":
        "im2col 把输出位置展平成一个轴：(N, C·K·K, Ho·Wo)。",
    "Ho = H - K + 1 = {ho}: count the first window too.": "Ho = H - K + 1 = {ho}：第一个窗口也要算上。",
    "cols: {hint}": "cols：{hint}",
    "W: {w} is not it — one row per filter, one column per row of cols.":
        "W：{w} 不对——每个卷积核一行，cols 的每一行对应一列。",
    "your output {where}": "{where}，你的输出",
    "{where}, the values differ: every y[i, j] adds y[i, j]·k into out[i·stride : i·stride+K, "
    "j·stride : j·stride+K] (+=, not =).":
        "{where}，数值不对：每个 y[i, j] 要把 y[i, j]·k 加到 out[i·stride : i·stride+K, "
        "j·stride : j·stride+K] 上（用 +=，不是 =）。",
    "{head} The copies of the kernel are placed stride apart: the output is (h-1)·stride + K "
    "long.":
        "{head}卷积核的各个副本相隔一个步幅摆放：输出长度是 (h-1)·stride + K。",
    "{head} That is the size of y with stride-1 zeros between its entries; each y pixel then adds "
    "a whole K×K copy of k: (h-1)·stride + K.":
        "{head}这是在 y 的元素之间插入（步幅 − 1）个零后的大小；之后每个 y 像素还要加上一整份 K×K 的 k："
        "(h-1)·stride + K。",
    "{head} That is stride-1 rows too many: the last copy of the kernel starts at (h-1)·stride, so "
    "the output is (h-1)·stride + K long.":
        "{head}多了（步幅 − 1）行：卷积核的最后一个副本从 (h-1)·stride 开始，所以输出长度是 "
        "(h-1)·stride + K。",
    "{head} Rows and columns are swapped.": "{head}行和列弄反了。",
    "cols: {cols} is not it — (batch, rows, columns) with a row per (channel, tap) and a column "
    "per output pixel.":
        "cols：{cols} 不对——（批量，行，列），每个（通道，卷积核位置）一行，每个输出像素一列。",
    "{where}, you rotated the kernel: scattering places k as it is (rotation is only needed when "
    "you *gather*, as a correlation does).":
        "{where}，你把卷积核旋转了：散布时 k 保持原样（只有*收集*时才需要旋转，互相关就是收集）。",
    "{where}, overlapping copies replaced each other: add each y[i, j]·k into the output with +=, "
    "not =.":
        "{where}，重叠的副本互相覆盖了：要用 += 把每个 y[i, j]·k 加到输出上，不是 =。",
    "{where}, the kernel is transposed: y[i, j]·k[a, b] lands at (i·stride + a, j·stride + b).":
        "{where}，卷积核被转置了：y[i, j]·k[a, b] 应落在 (i·stride + a, j·stride + b)。",
    "{where}, your output is transposed: y[i, j]·k lands i·stride rows down and j·stride columns "
    "right.":
        "{where}，你的输出被转置了：y[i, j]·k 应向下移 i·stride 行、向右移 j·stride 列。",
    # ------------------------------------------------------------------ ex08
    "that counts multiply-adds; a FLOP count takes 2 per multiply-add (one multiply, one add).":
        "这数的是乘加次数；FLOP 数要把每次乘加算作 2（一次乘法，一次加法）。",
    "with padding 1 the output stays 32x32 (30x30 is the size without padding).":
        "填充为 1 时输出保持 32×32（30×30 是不填充时的大小）。",
    "you left out the batch: all 8 images are convolved.": "你漏了批量：8 张图像都要做卷积。",
    "you left out the input channels: every output sums over C x KH x KW = 27 products.":
        "你漏了输入通道：每个输出要对 C × KH × KW = 27 个乘积求和。",
    "you left out the filters: each of the 16 filters makes its own output channel.":
        "你漏了卷积核个数：16 个卷积核各自产生一个输出通道。",
    "you left out the kernel: every output sums KH x KW = 9 taps per channel.":
        "你漏了卷积核大小：每个输出在每个通道上要对 KH × KW = 9 个卷积核位置的乘积求和。",
    "two slips: multiply-adds instead of FLOPs (x 2), and the 30x30 output of an unpadded input "
    "(padding 1 keeps 32x32).":
        "两个错误：数的是乘加而不是 FLOP（要 × 2），而且用了不填充时的 30×30 输出（填充 1 保持 32×32）。",
    "that looks like bytes, not FLOPs: there is no 4 bytes per value in a FLOP count.":
        "这看起来像字节数，而不是 FLOP：FLOP 数里没有“每个值 4 字节”。",
    "stride 2 makes the output (56 + 2 - 3) // 2 + 1 = 28 wide, so there are 28 x 28 columns per "
    "image, not 56 x 56.":
        "步幅 2 使输出宽度为 (56 + 2 - 3) // 2 + 1 = 28，所以每张图像有 28 × 28 列，而不是 56 × 56。",
    "float32 takes 4 bytes per value (8 is float64).": "float32 每个值占 4 字节（8 字节是 float64）。",
    "that is the number of values; each float32 takes 4 bytes.": "这是值的个数；每个 float32 占 4 字节。",
    "you left out the kernel: every column holds C x KH x KW = 576 values, one per weight.":
        "你漏了卷积核大小：每一列有 C × KH × KW = 576 个值，每个权重一个。",
    "that is one image; the batch has 16.": "这只是一张图像；批量里有 16 张。",
    "the floor in the output-size formula: (56 + 2 - 3) / 2 = 27.5 rounds down to 27, plus 1 gives "
    "28.":
        "输出尺寸公式里有向下取整：(56 + 2 - 3) / 2 = 27.5 向下取整为 27，加 1 得 28。",
    "27 x 27 forgets the padding: (56 + 2·1 - 3) // 2 + 1 = 28.":
        "27 × 27 漏了填充：(56 + 2·1 - 3) // 2 + 1 = 28。",
    "that is the input's size in bytes; im2col copies every pixel into each window that covers "
    "it.":
        "这是输入的字节数；im2col 会把每个像素复制到覆盖它的每个窗口里。",
    "starts": "起点列表 starts",
    "length": "长度 length",
    "9 = Ho*Wo counts outputs; in the flattened image the 3 output rows sit 5 apart, so the run "
    "spans (Ho-1)*W + Wo values.":
        "9 = Ho*Wo 数的是输出个数；在展平的图像里，3 个输出行相隔 5，所以这一段跨越 (Ho-1)*W + Wo 个值。",
    "15 = Ho*W would run 2 values past the end of the image for the last tap (start 12); the last "
    "row needs only Wo = 3 values: (Ho-1)*W + Wo.":
        "15 = Ho*W 会让最后一个卷积核位置（起点 12）越过图像末尾 2 个值；最后一行只需要 Wo = 3 个值："
        "(Ho-1)*W + Wo。",
    "25 is the whole image; a tap's run covers only Ho = 3 rows: (Ho-1)*W + Wo.":
        "25 是整张图像；一个卷积核位置的这一段只覆盖 Ho = 3 行：(Ho-1)*W + Wo。",
    "12 stops one short: the run includes both its first and its last value, (Ho-1)*W + Wo = 13.":
        "12 少了一个：这一段既包括第一个值也包括最后一个值，(Ho-1)*W + Wo = 13。",
    "10 = (Ho-1)*W reaches the start of the last output row; add its Wo = 3 values.":
        "10 = (Ho-1)*W 只到最后一个输出行的开头；还要加上这一行的 Wo = 3 个值。",
    "length {length} is not it: from the first output's pixel to the last one's, Ho-1 full image "
    "rows of W values plus Wo values.":
        "长度 {length} 不对：从第一个输出的像素到最后一个输出的像素，是 Ho-1 整行（每行 W 个值）"
        "再加 Wo 个值。",
    "2 x 8 x 16 x 3 x 9 x 32 x 32 = {flops} FLOPs ({mflop} MFLOP).":
        "2 × 8 × 16 × 3 × 9 × 32 × 32 = {flops} 次浮点运算（{mflop} MFLOP）。",
    "count outputs (N x F x Ho x Wo), multiply by the products per output (C x KH x KW), and by 2 "
    "FLOPs per multiply-add.":
        "数出输出个数（N × F × Ho × Wo），乘以每个输出的乘积数（C × KH × KW），"
        "再乘以每次乘加的 2 个 FLOP。",
    "{bytes} bytes ({mb} MB) for an input of {input_mb} MB: {ratio}x. With stride 2 each pixel is "
    "copied about K²/S² = 2.25 times, not 9.":
        "{bytes} 字节（{mb} MB），而输入只有 {input_mb} MB：{ratio} 倍。步幅为 2 时每个像素大约被复制 "
        "K²/S² = 2.25 次，而不是 9 次。",
    "N x (C x KH x KW) x (Ho x Wo) values, 4 bytes each, with Ho from the output-size formula.":
        "N × (C × KH × KW) × (Ho × Wo) 个值，每个 4 字节，Ho 由输出尺寸公式算出。",
    "the starts are the first row of the article's im2col index matrix (0 1 2 5 6 7 10 11 12), and "
    "13 = (Ho-1)*W + Wo values cover all 3 output rows: each tap's patch is one slice, no copy.":
        "这些起点就是原文中 im2col 索引矩阵的第一行（0 1 2 5 6 7 10 11 12），13 = (Ho-1)*W + Wo "
        "个值覆盖全部 3 个输出行：每个卷积核位置的图块就是一个切片，不需要复制。",
    "rows of the flattened image are W = 5 values long (the input's width), not Wo = 3: moving one "
    "kernel row down skips a whole image row, so tap (i, j) starts at i*5 + j.":
        "展平图像的每一行长 W = 5 个值（输入的宽度），而不是 Wo = 3：卷积核下移一行会跳过图像的"
        "一整行，所以卷积核位置 (i, j) 从 i*5 + j 开始。",
    "taps go row by row (i is the kernel row): tap (i, j) starts at i*5 + j, so the second tap is "
    "(0, 1) at 1.":
        "卷积核位置按行排列（i 是卷积核的行）：位置 (i, j) 从 i*5 + j 开始，所以第二个位置是 (0, 1)，起点 1。",
    "those are the pixels of the last output's window; each tap's run starts at the first output's "
    "pixel, i*5 + j.":
        "这些是最后一个输出的窗口像素；每个卷积核位置的这一段从第一个输出的像素开始，i*5 + j。",
    "every start is 1 too big: the flattened image counts from 0.": "每个起点都大了 1：展平图像从 0 开始计数。",
    "the starts are offsets in the image, i*W + j, not multiples of K.":
        "起点是图像中的偏移量 i*W + j，而不是 K 的倍数。",
    # ------------------------------------------------------------------ ex09
    "two numbers: the exercise asks for the four products m before the output transform (Aᵀ m "
    "gives the two outputs).":
        "两个数：题目要的是输出变换之前的四个乘积 m（Aᵀ m 才给出两个输出）。",
    "that is a 4×4 matrix (an outer product?): m is (G g) ⊙ (Bᵀ d), the *elementwise* product of "
    "two length-4 vectors.":
        "这是一个 4×4 矩阵（外积？）：m 是 (G g) ⊙ (Bᵀ d)，两个长度为 4 的向量的*逐元素*乘积。",
    "m": "你的 m",
    "your correlation": "你的互相关结果",
    "that is the direct / im2col count (9 per output, or 36 per 2x2 tile). Winograd pays 16 per "
    "tile instead.":
        "这是直接法 / im2col 的次数（每个输出 9 次，或每个 2×2 分块 36 次）。Winograd 每个分块只需 16 次。",
    "you left out the batch: both images are convolved.": "你漏了批量：两张图像都要做卷积。",
    "you left out the filters: each of the 32 filters needs its own products.":
        "你漏了卷积核个数：32 个卷积核各自需要自己的乘积。",
    "you left out the input channels: every (filter, channel) pair multiplies, then the channels "
    "are summed.":
        "你漏了输入通道：每一对（卷积核，通道）都要相乘，然后再对通道求和。",
    "with padding 1 the output is 10x10, not 8x8: that is 5x5 = 25 tiles.":
        "填充为 1 时输出是 10×10，不是 8×8：也就是 5×5 = 25 个分块。",
    "16 multiplies buy a whole 2x2 tile of outputs, not one output.":
        "16 次乘法换来的是整整一个 2×2 的输出分块，而不是一个输出。",
    "a 2x2 tile costs 16 elementwise products (a 4x4 transformed tile), not 4.":
        "一个 2×2 分块需要 16 次逐元素乘积（变换后的 4×4 分块），不是 4 次。",
    "that counts FLOPs (x 2); the question asks for multiplies.": "这数的是 FLOP（x 2）；题目问的是乘法次数。",
    "these are the two outputs y = Aᵀ m (correct values!), but the exercise asks for the four "
    "products m before the output transform.":
        "这是两个输出 y = Aᵀ m（数值正确！），但题目要的是输出变换之前的四个乘积 m。",
    "4 multiplies give both outputs: Aᵀ m = {outputs}, which take 6 multiplies directly.":
        "4 次乘法就得到两个输出：Aᵀ m = {outputs}，直接计算要 6 次乘法。",
    "this is the 'full' correlation ({n} outputs, with the partial overlaps at both ends): keep the "
    "{v} outputs where k fits inside x.":
        "这是全互相关（{n} 个输出，包括两端只部分重叠的位置）：只保留 k 完全落在 x 内的 {v} 个输出。",
    "flip, transform, multiply, transform back, drop the K-1 wrapped outputs: that is conv2d_fft "
    "along one axis.":
        "翻转、变换、相乘、逆变换、丢掉 K-1 个回绕的输出：这就是沿一个轴的 conv2d_fft。",
    "2 x 32 x 16 x 16 x 25 = {count}, against {direct} direct: 2.25x fewer.":
        "2 × 32 × 16 × 16 × 25 = {count}，直接法是 {direct}：乘法次数只有直接法的 1/2.25。",
    "count tiles (ceil(Ho/2) x ceil(Wo/2)), then 16 multiplies per tile for every image, filter "
    "and input channel.":
        "先数分块数（ceil(Ho/2) × ceil(Wo/2)），再对每张图像、每个卷积核、每个输入通道，每个分块乘 16 次。",
    "you kept all {n} circular outputs: the first K-1 = {m1} wrapped around and mixed in samples "
    "from the far end. Keep [K-1:].":
        "你保留了全部 {n} 个循环输出：前 K-1 = {m1} 个发生了回绕，混进了另一端的样本。只保留 [K-1:]。",
    "this is the whole circular convolution: flip the kernel (k[::-1]) and keep only [K-1:], the "
    "outputs without wrap-around.":
        "这是完整的循环卷积：把卷积核翻转（k[::-1]），并只保留 [K-1:]，即没有回绕的输出。",
    "this is Bᵀ d alone: multiply it elementwise by G g.": "这只是 Bᵀ d：还要与 G g 逐元素相乘。",
    "this is G g alone: multiply it elementwise by Bᵀ d.": "这只是 G g：还要与 Bᵀ d 逐元素相乘。",
    "you flipped the kernel: convkit computes correlation, so g goes into G g as it is.":
        "你把卷积核翻转了：convkit 计算的是互相关，所以 g 原样代入 G g。",
    "every product is twice too big: G holds halves (0.5) in its middle rows.":
        "每个乘积都大了一倍：G 的中间两行是 1/2（0.5）。",
    "you reversed d: Bᵀ d takes d0..d3 in order.": "你把 d 倒过来了：Bᵀ d 按顺序使用 d0..d3。",
    "you added Bᵀ d and G g; m is their elementwise *product*.": "你把 Bᵀ d 和 G g 相加了；m 是它们的逐元素*乘积*。",
    "these multiply d and g directly; Winograd first transforms both (Bᵀ d, G g), then multiplies "
    "elementwise.":
        "这是直接把 d 和 g 相乘；Winograd 先把两者都变换（Bᵀ d、G g），再逐元素相乘。",
    "this is convolution, not correlation: multiplying spectra *convolves*, so flip the kernel "
    "first (k[::-1]) — correlation is convolution with the flipped kernel.":
        "这是卷积，不是互相关：频谱相乘对应的是*卷积*，所以先把卷积核翻转（k[::-1]）——"
        "互相关就是与翻转后的卷积核做卷积。",
    "the first K-1 = {m1} of the outputs you kept wrapped around (they mix in samples from the far "
    "end). Keep [K-1:] instead.":
        "你保留的输出中前 K-1 = {m1} 个发生了回绕（混进了另一端的样本）。应改为保留 [K-1:]。",
    "the kernel is not flipped and you kept the wrapped-around start: flip k with k[::-1] and keep "
    "[K-1:].":
        "卷积核没有翻转，而且你保留了回绕的开头：用 k[::-1] 翻转 k，并保留 [K-1:]。",
    "every value is {n} times too big: np.fft.ifft already divides by the length (don't scale "
    "again).":
        "每个值都大了 {n} 倍：np.fft.ifft 已经除以了长度（不要再缩放）。",
    "the kernel is not flipped and the outputs are reversed: flip k (k[::-1]) before transforming, "
    "keep [K-1:] in order.":
        "卷积核没有翻转，而且输出顺序反了：变换之前先翻转 k（k[::-1]），按顺序保留 [K-1:]。",
    # ------------------------------------------------------------------ ex11
    "dx": "你的 dx",
    "dlogits": "你的 dlogits",
    "{value} counts the weights only: every conv filter and every linear output also has one bias "
    "(16 + 32 + 10 more).":
        "{value} 只数了权重：每个卷积核和线性层的每个输出还各有一个偏置（还要加 16 + 32 + 10）。",
    "the linear layer sees the *pooled* maps: 32 channels of 4×4 (pooling halves 8×8), not 8×8.":
        "线性层看到的是*汇聚后*的特征映射：32 个通道，每个 4×4（汇聚把 8×8 减半），不是 8×8。",
    "that is the two convolutions only; add the linear layer (32·4·4 inputs × 10 outputs + 10 "
    "biases).":
        "这只是两个卷积层；还要加上线性层（32·4·4 个输入 × 10 个输出 + 10 个偏置）。",
    "conv2's filters each span all 16 input channels: its weight is (32, 16, 3, 3), not (32, 1, 3, "
    "3).":
        "conv2 的每个卷积核都覆盖全部 16 个输入通道：它的权重是 (32, 16, 3, 3)，不是 (32, 1, 3, 3)。",
    "that is the linear layer only; add both convolutions' weights and biases.":
        "这只是线性层；还要加上两个卷积层的权重和偏置。",
    "the linear layer's 10 biases are missing.": "漏了线性层的 10 个偏置。",
    "the convolutions' biases are missing: one per filter (16 + 32).": "漏了卷积层的偏置：每个卷积核一个（16 + 32）。",
    "the second pooling is not there: the linear layer sees 32 maps of 4×4.":
        "这里并没有第二次汇聚：线性层看到的是 32 个 4×4 的特征映射。",
    "{value} is not it. Count layer by layer: a conv's weight has shape (out, in, 3, 3) plus out "
    "biases; the linear's weight is (10, inputs) plus 10 biases; ReLU, pooling and flatten learn "
    "nothing.":
        "{value} 不对。逐层数：卷积层的权重形状是 (out, in, 3, 3)，另有 out 个偏置；线性层的权重形状是 "
        "(10, n)（n 是它的输入个数），另有 10 个偏置；ReLU、汇聚和展平不学习任何参数。",
    "at x == 0 you passed dy through. ReLU has no slope there; take it as 0 (PyTorch does): use x > "
    "0, not x >= 0.":
        "在 x == 0 处你让 dy 通过了。ReLU 在那里没有斜率；取 0（PyTorch 就是这样）：用 x > 0，不是 x >= 0。",
    "this is only the mask (the slope, 0 or 1): multiply it by dy — the chain rule.":
        "这只是掩码（斜率，0 或 1）：还要乘以 dy——链式法则。",
    "you masked by the sign of dy. The gate is the *input*: dy passes where x > 0.":
        "你按 dy 的符号做了掩码。起门控作用的是*输入*：在 x > 0 的地方 dy 才通过。",
    "ReLU's slope is 1 or 0, not x: dy passes unchanged where x > 0.":
        "ReLU 的斜率是 1 或 0，不是 x：在 x > 0 的地方 dy 原样通过。",
    "the mask is the wrong way round: dy passes where x > 0 and is blocked where x <= 0.":
        "掩码反了：dy 在 x > 0 处通过，在 x <= 0 处被挡住。",
    "this is ReLU's forward output max(x, 0); the backward pass gates dy: dy where x > 0, else 0.":
        "这是 ReLU 的前向输出 max(x, 0)；反向传播是对 dy 做门控：x > 0 处为 dy，否则为 0。",
    "this is dy unchanged: ReLU blocks the gradient where x <= 0.":
        "这是原封不动的 dy：ReLU 在 x <= 0 处会挡住梯度。",
    "you copied dy to all four positions of each window. Only the maximum reached the output, so "
    "only it gets the gradient; the other three get 0.":
        "你把 dy 复制到了每个窗口的全部四个位置。只有最大值到达了输出，所以只有它得到梯度；另外三个得到 0。",
    "you spread dy evenly over the window — that is average-pooling's backward. Max-pooling sends "
    "all of dy to the one maximum.":
        "你把 dy 平均分到了窗口上——那是平均汇聚的反向传播。最大汇聚把全部 dy 都交给那个最大值。",
    "you marked where the maxima are (1s): put dy's value there instead of 1.":
        "你标出了最大值的位置（1）：在那里放 dy 的值，而不是 1。",
    "you sent dy to each window's minimum; it belongs at the maximum (argmax).":
        "你把 dy 送到了每个窗口的最小值处；它应该去最大值处（argmax）。",
    "you put the maximum's value x there; it gets dy instead (the gradient, not the input).":
        "你在那里放的是最大值 x；应该放 dy（梯度，而不是输入）。",
    "you multiplied dy by x at the maximum; max-pooling's slope is 1 there: just dy.":
        "你在最大值处把 dy 乘以了 x；最大汇聚在那里的斜率是 1：就是 dy。",
    "all zeros: each window's maximum receives that window's dy.": "全是零：每个窗口的最大值要收到该窗口的 dy。",
    "you forgot to divide by the batch size N = {n}: the loss is the *mean* over the batch, so "
    "every row's gradient carries 1/N.":
        "你忘了除以批量大小 N = {n}：损失是对批量取的*均值*，所以每一行的梯度都带有 1/N。",
    "the sign is flipped: it is softmax minus one-hot (raising the right class's logit must lower "
    "the loss).":
        "符号反了：应该是 softmax 减 one-hot（提高正确类别的 logit 必须降低损失）。",
    "you forgot to subtract the one-hot labels: the right class's entry is p - 1, the others p.":
        "你忘了减去 one-hot 标签：正确类别那一项是 p - 1，其余是 p。",
    "use the softmax probabilities, not the raw logits: p = exp(z) / sum(exp(z)) per row.":
        "要用 softmax 概率，不是原始 logits：每一行 p = exp(z) / sum(exp(z))。",
    "the sign is flipped and the 1/N of the mean is missing.": "符号反了，而且漏了均值的 1/N。",
    "you divided by the number of classes ({k}); the mean is over the batch: divide by N = {n}.":
        "你除以了类别数（{k}）；均值是对批量取的：要除以 N = {n}。",
    "the softmax was normalised over the whole batch; normalise each row (sample) separately: sum "
    "over axis 1.":
        "softmax 是在整个批量上归一化的；应对每一行（样本）分别归一化：沿轴 1 求和。",
    "the softmax was normalised down the columns (axis 0); each row is one sample: normalise over "
    "axis 1.":
        "softmax 是沿列（轴 0）归一化的；每一行是一个样本：应沿轴 1 归一化。",
    "{conv1} (conv1) + {conv2} (conv2) + {linear} (linear) = {total}. The convolutions hold under "
    "half of them although they look at every position: each small kernel is shared by all "
    "positions.":
        "{conv1}（conv1）+ {conv2}（conv2）+ {linear}（线性层）= {total}。卷积层虽然看遍了每个位置，"
        "参数却不到一半：每个小卷积核被所有位置共享。",
    "dx has the input's shape (1, 1, 4, 4): dy's 2×2 values go back to the positions of the "
    "maxima.":
        "dx 的形状与输入相同 (1, 1, 4, 4)：dy 的 2×2 个值回到各最大值所在的位置。",
}
