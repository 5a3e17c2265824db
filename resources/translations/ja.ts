<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>nndesk</name>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>  (not a whole number: the last window does not fit and is dropped)</source>
        <translation>  （割り切れません：最後のウィンドウははみ出すため捨てられます）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source> (first {shown})</source>
        <translation>（最初の {shown} 枚）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source> (first {units})</source>
        <translation>（最初の {units} 個）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source> The first layer's filters before and after training (fig. 7-24) are in the window's filter view.</source>
        <translation> 学習前と学習後の1層目の畳み込み層のフィルター（図7-24）は、ウィンドウのフィルター表示にあります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source> · calibrated probabilities</source>
        <translation> · 較正後の確率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source> · paused</source>
        <translation> · 一時停止中</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · saved to {path}</source>
        <translation> · {path} に保存しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <location filename="../../nndesk/gui/help.py"/>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · test accuracy {acc}%</source>
        <translation> · テストデータの認識精度 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · the canvas keeps the model it had (this one did not learn)</source>
        <translation> · キャンバスは元のモデルのままです（この学習はうまくいきませんでした）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · the canvas keeps the model it had (this one was not measured on the test images; File ▸ Open model… uses it)</source>
        <translation> · キャンバスは元のモデルのままです（このモデルはテストデータで測っていません。使うには ファイル ▸ モデルを開く… から）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source> · the canvas keeps the model it had, as you chose (File ▸ Open model… uses this one)</source>
        <translation> · 選んだとおり、キャンバスは元のモデルのままです（このモデルは「ファイル ▸ モデルを開く…」で使えます）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source> · {rate} images/s · {eta} left</source>
        <translation> · {rate} 枚/秒 · 残り {eta}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>%1 File</source>
        <translation>%1 ファイル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;About nndesk…</source>
        <translation>nndesk について(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Canvas</source>
        <translation>キャンバス(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Clear</source>
        <translation>消去(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>&amp;Export model…</source>
        <translation>モデルのエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Guide to the window…</source>
        <translation>ウィンドウの使い方(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>キーボードショートカット(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Lessons</source>
        <translation>レッスン(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Open image…</source>
        <translation>画像を開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Open model…</source>
        <translation>モデルを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Pause / resume</source>
        <translation>一時停止 / 再開(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Remove layer</source>
        <translation>層を削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Save model as…</source>
        <translation>名前を付けてモデルを保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Train</source>
        <translation>学習を開始(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;Undo stroke</source>
        <translation>一画を取り消す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>(custom)</source>
        <translation>（カスタム）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, no epoch finished yet</source>
        <translation>、まだ1エポックも終わっていません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, validation accuracy {acc}%</source>
        <translation>、検証データの認識精度 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, {minutes} min</source>
        <translation>、{minutes} 分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>, {seconds} s</source>
        <translation>、{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>. Too large a learning rate bounces or diverges; too small a one hardly moves.</source>
        <translation>。学習率が大きすぎると振動・発散し、小さすぎるとほとんど動きません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>1 button</source>
        <translation>1ボタン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>1 step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>1,000 random inputs through 5 layers of 100 neurons (nndesk's Network); each histogram counts one layer's 100,000 output values.</source>
        <translation>1000個のランダムな入力を、各層100ニューロンの5層ネットワーク（nndeskのNetwork）に通します。各ヒストグラムは1つの層の100000個の出力を数えます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>20 px box</source>
        <translation>20 ピクセルに縮小</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>3 button</source>
        <translation>3ボタン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>3.4.3's forward() ends with the identity function: the outputs are the scores A3 unchanged.</source>
        <translation>3.4.3 節の forward() は恒等関数で終わります。出力はスコア A3 そのままです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>3.6's predict() ends with softmax: the 10 outputs are probabilities, each row sums to 1 (here {total}). The weights are untrained (std 0.01), so every digit gets about 0.1.</source>
        <translation>3.6 節の predict() はソフトマックス関数で終わります。10 個の出力は確率で、各行の和は 1 です（ここでは {total}）。重みは未学習（標準偏差 0.01）なので、どの数字もおよそ 0.1 になります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>&lt;b style='color:{color}'&gt;■ {tag}&lt;/b&gt; {name}&lt;br&gt;final validation accuracy {val} (best {best}), training {train}</source>
        <translation>&lt;b style='color:{color}'&gt;■ {tag}&lt;/b&gt; {name}&lt;br&gt;最終の検証データの認識精度 {val}（最高 {best}）、訓練データ {train}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Centre: watch it learn.&lt;/b&gt; The loss per mini-batch and the accuracy per epoch (training and validation data) of every run, to compare runs; then the first layer's weights and the feature maps of the digit you drew.</source>
        <translation>&lt;b&gt;中央：学習の様子を見る。&lt;/b&gt;ミニバッチごとの損失関数の値と、エポックごとの認識精度（訓練データと検証データ）を、学習ごとに比べられます。その下に最初のレイヤの重みと、描いた数字の特徴マップ。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Left: design and train.&lt;/b&gt; Pick a preset network of the book or build your own: Add layer, then select a row to edit its settings (hover over a setting to see what it does). Each row shows the layer's output shape and parameter count; a red row says what does not fit. Below: the training settings and Train, Pause, Stop.</source>
        <translation>&lt;b&gt;左：設計と学習。&lt;/b&gt;本に出てくるネットワークをプリセットから選ぶか、自分で組み立てます。「レイヤを追加」し、行を選ぶと設定を編集できます（設定にマウスを乗せると説明が出ます）。各行にはレイヤの出力の形とパラメータ数が出て、赤い行は何が合わないかを示します。その下に学習の設定と「学習」「一時停止」「停止」。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Lessons menu.&lt;/b&gt; Small interactive pages beside the chapters of the books: perceptrons, activations, loss and gradient, the computational graph, optimizers, initial weights, experiments on MNIST, convolution, recurrent networks.</source>
        <translation>&lt;b&gt;レッスンメニュー。&lt;/b&gt;本の各章に対応する小さな対話ページ：パーセプトロン、活性化関数、損失関数と勾配、計算グラフ、最適化手法、重みの初期値、MNIST での実験、畳み込み、リカレントニューラルネットワーク。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Right: try it.&lt;/b&gt; Draw a digit with the mouse or a pen: the bars show the network's probabilities (softmax) for each digit, and the small image is the 28x28 input it really sees. Open or drop an image file to recognize it.</source>
        <translation>&lt;b&gt;右：試す。&lt;/b&gt;マウスかペンで数字を描くと、棒グラフが各数字の確率（ソフトマックス関数の出力）を示し、小さな画像はネットワークが実際に見る 28×28 の入力です。画像ファイルを開くかドロップしても認識できます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Two models read your drawing.&lt;/b&gt; The image model is the network of the designer (the one you train, or a model file you open): it reads the 28x28 image. The pen path model, a small recurrent network (GRU) that comes with nndesk, reads the strokes in the order and direction you drew them. The big answer combines the two; tick "Show each model's answer" to see each. An opened image has no pen path, so the image model reads it alone. The window trains the image model only.</source>
        <translation>&lt;b&gt;二つのモデルが手書きを読みます。&lt;/b&gt;画像モデルはデザイナーのネットワーク（学習させたもの、または開いたモデルファイル）で、28x28 の画像を読みます。ペン軌跡モデルは nndesk に付属する小さなリカレントネットワーク（GRU）で、描いた順序と向きのとおりにストロークを読みます。大きな答えは両者を組み合わせたものです。「各モデルの答えを表示」にチェックするとそれぞれが見られます。開いた画像にはペンの軌跡がないため、画像モデルだけが読みます。ウィンドウで学習できるのは画像モデルだけです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;View menu: look inside.&lt;/b&gt; &lt;i&gt;Evaluation&lt;/i&gt;: the model on the test images, the accuracy of each digit, a confusion heat map (click a cell to see its images, click an image to put it on the canvas). &lt;i&gt;Why this answer&lt;/i&gt;: which pixels made the answer (saliency, occlusion) and the training images nearest to your drawing. &lt;i&gt;Layer health&lt;/i&gt;: each layer's weights, activations and gradient sizes while it learns, to see vanishing or exploding gradients. &lt;i&gt;Gradient check&lt;/i&gt;: backprop against numerical gradients for the design, tensor by tensor. &lt;i&gt;Preprocessing steps&lt;/i&gt;: how the drawing becomes the 28x28 input.</source>
        <translation>&lt;b&gt;表示メニュー：ネットワークの中を見る。&lt;/b&gt;&lt;i&gt;評価&lt;/i&gt;：テスト画像でのモデルの結果、数字ごとの認識精度、混同行列のヒートマップ（セルをクリックするとその画像を表示、画像をクリックするとキャンバスに置きます）。&lt;i&gt;なぜこの答えか&lt;/i&gt;：答えを決めたピクセル（サリエンシー、遮蔽）と、手書きに最も近い学習画像。&lt;i&gt;レイヤの健康状態&lt;/i&gt;：学習中の各層の重み・活性化・勾配の大きさ。勾配消失や勾配爆発がわかります。&lt;i&gt;勾配確認&lt;/i&gt;：デザインのネットワークについて、誤差逆伝播法と数値微分の勾配をテンソルごとに比べます。&lt;i&gt;前処理のステップ&lt;/i&gt;：手書きが 28x28 の入力になるまで。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>&lt;b&gt;Your handwriting.&lt;/b&gt; "Save as my digit" keeps the drawing under the digit in the box beside it (the answer shown, until you set another); "Fine-tune…" trains a copy of the model a little more on your saved digits.</source>
        <translation>&lt;b&gt;あなたの筆跡。&lt;/b&gt;「自分の数字として保存」は、隣のボックスの数字（別の数字を設定するまでは表示中の答え）の下に手書きを保存します。「ファインチューニング…」は保存した数字でモデルのコピーをもう少し学習させます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>A lesson's experiment is running. Quit now and it stops: its curves are lost.</source>
        <translation>レッスンの実験を実行中です。いま終了すると実験は止まり、その曲線は失われます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>A model is being exported. Quit now and the export is not finished (nothing half-written is left).</source>
        <translation>モデルをエクスポート中です。いま終了するとエクスポートは完了しません（書きかけのファイルは残りません）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>A network design opens with File ▸ Open design… (Ctrl+Shift+O); a model file is an .npz.</source>
        <translation>ネットワーク設計は ファイル ▸ ネットワーク設計を開く…（Ctrl+Shift+O）で開きます。モデルファイルは .npz です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>A pen digit as 32 points (x, y, direction, pen up) read by an RNN, a GRU and an LSTM of 16 units each (nndesk's layers, initial weights). Heat maps: one row per unit, one column per time step; h and c from blue (-1) to red (+1), gates from dark (0: closed) to yellow (1: open). Curve: the gradient of the last state's loss with respect to each step's state.</source>
        <translation>ペンで書いた数字を 32 点（x、y、向き、ペンを上げた印）として、16 ユニットの RNN・GRU・LSTM がそれぞれ読みます（nndesk のレイヤ、重みの初期値のまま）。ヒートマップ：行がユニット、列が時刻。h と c は青（-1）から赤（+1）、ゲートは暗い色（0：閉じる）から黄色（1：開く）。グラフ：最後の状態の損失の、各時刻の状態に関する勾配。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>A run is training. Quit now and the run stops after this batch; its checkpoint is kept, and nndesk offers to resume it at the next start.</source>
        <translation>学習中です。いま終了すると、このバッチの後で学習が止まります。チェックポイントは残り、次回の起動時に再開できます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>A run is training; when it ends, its model takes the canvas and its design the designer.

Stop the run (Ctrl+.) or wait for it to finish, then open the file.</source>
        <translation>学習中です。終わるとその学習のモデルがキャンバスに、設計がデザイナーに入ります。

学習を停止する（Ctrl+.）か終わるのを待ってから、ファイルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>A test image is already 28×28 and centred: nothing to preprocess. The network gets it as it is (step 7).</source>
        <translation>テスト画像はすでに 28×28 で中央に置かれています：前処理はありません。ネットワークはそのまま受け取ります（ステップ 7）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>A tiny number added to the variance so Batch Normalization never divides by zero. Leave it at 1e-5. Book ch. 6.3.</source>
        <translation>Batch Normalization が 0 で割らないよう分散に足す小さな値。1e-5 のままで構いません。本の 6.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>A's layers</source>
        <translation>A のレイヤ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>About</source>
        <translation>nndesk について</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Accuracy per epoch</source>
        <translation>エポックごとの認識精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Activation function</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Activation functions</source>
        <translation>活性化関数の一覧</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Adam's learning rate: small, so the model keeps what it learned from MNIST. Type 0.0001 or 1e-4; 1e-5 moves it less, 1e-3 more.</source>
        <translation>Adam の学習率：小さくすると、モデルは MNIST で学んだことを保ちます。0.0001 や 1e-4 と入力できます。1e-5 なら変化は小さく、1e-3 なら大きくなります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Add layer ▾</source>
        <translation>レイヤを追加 ▾</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>After {n} epochs the rule still gets {k} of 4 rows wrong: no single line separates XOR (fig. 2-7).</source>
        <translation>{n} エポック後も 4 行中 {k} 行が不正解：XOR を分ける直線は 1 本では引けません（図2-7）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>All four rows are right.</source>
        <translation>4行すべて正解です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>All mistakes</source>
        <translation>すべての誤認識</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>All {n} tensors agree (relative error below {tol}).</source>
        <translation>{n} 個のテンソルすべてが一致（相対誤差 {tol} 未満）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Also write the run's loss, accuracies, learning rate and weight histograms as TensorBoard event files: one folder per run, in the tensorboard folder of the runs folder. Needs pip install 'nndesk[tensorboard]' (tensorboardX, about 1 MB). To view: tensorboard --logdir and that folder (the status line gives the command after a run).</source>
        <translation>この学習の損失関数の値、認識精度、学習率、重みのヒストグラムを TensorBoard のイベントファイルにも書き出します：実行ごとに 1 フォルダ、実行フォルダの中の tensorboard フォルダに置きます。pip install 'nndesk[tensorboard]'（tensorboardX、約 1 MB）が必要です。見るには：tensorboard --logdir にそのフォルダを指定します（学習の後、ステータス行にコマンドが出ます）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Apply to all</source>
        <translation>すべてに適用</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>At the first step the gradient is {rnn:.1e} of the last step's for the RNN, {gru:.1e} for the GRU and {lstm:.1e} for the LSTM. Make U smaller and the RNN forgets the start of the path sooner; the LSTM's forget gate bias of 3 (f ≈ 0.95) lets it remember, one of 0 (f = 0.5) makes it forget too. Gates help only when they are open: the GRU starts with an update gate bias of 0, so z = 0.5 keeps half of h at each step and the gradient halves with it, faster than the RNN's; a bias of 3 (z ≈ 0.95) lets the GRU keep its gradient like the LSTM.</source>
        <translation>最初の時刻の勾配は、最後の時刻に比べて RNN で {rnn:.1e}、GRU で {gru:.1e}、LSTM で {lstm:.1e} です。U を小さくすると RNN は経路の始まりをより早く忘れます。LSTM のforgetゲートのバイアスが 3（f ≈ 0.95）なら記憶を保ち、0（f = 0.5）なら忘れてしまいます。ゲートが役立つのは開いているときだけです：GRU はupdateゲートのバイアス 0 から始まるので、z = 0.5 で各時刻 h の半分しか残さず、勾配も半分ずつになり、RNN より速く消えます。バイアスを 3（z ≈ 0.95）にすると、GRU も LSTM のように勾配を保ちます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Auto</source>
        <translation>自動スケール</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Auto Pan Only</source>
        <translation>自動パンのみ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Average pooling: the mean of each window. Book ch. 7.3.</source>
        <translation>Average プーリング：窓ごとの平均。本の 7.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>B's layers</source>
        <translation>B のレイヤ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Backprop against numerical gradients for “{name}”: {n} random elements per tensor, pass below {tol}.</source>
        <translation>「{name}」の誤差逆伝播法の勾配と数値微分の勾配：テンソルごとにランダムな {n} 要素、{tol} 未満で合格。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Backprop and numerical differentiation must agree: the relative error per weight tensor should be tiny (below {tol}).</source>
        <translation>誤差逆伝播法と数値微分の結果は一致するはずです：各重みテンソルの相対誤差はごく小さく（{tol} 未満に）なります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Backpropagation</source>
        <translation>誤差逆伝播法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Batch Normalization (figs. 6-18, 6-19)</source>
        <translation>Batch Normalization（図6-18、6-19）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Batch Normalization: each feature gets zero mean and unit variance over the mini-batch. Book ch. 6.3.</source>
        <translation>Batch Normalization：ミニバッチごとに各特徴を平均 0、分散 1 に正規化します。本の 6.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Batch size N</source>
        <translation>バッチサイズ N</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>BatchNorm layer</source>
        <translation>BatchNorm レイヤ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>BatchNorm needs a vector or an image, not shape {shape}</source>
        <translation>BatchNorm の入力はベクトルか画像でなければなりません（形状 {shape} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>BatchNorm {n}: running mean {m}, running variance {v} (averaged over {k} features)</source>
        <translation>BatchNorm {n}：移動平均 {m}、移動分散 {v}（{k} 個の特徴の平均）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Before fine-tuning, the model it started from ({name}):</source>
        <translation>ファインチューニング前の元のモデル（{name}）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (fig. 6-15): with std 0.01 the loss hardly moves; Xavier and He learn, He the fastest.</source>
        <translation>本（図6-15）：標準偏差 0.01 では損失がほとんど下がらず、Xavier と He は学習が進み、He が最も速いです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (fig. 6-9): SGD learns the slowest; Momentum, AdaGrad and Adam all beat it, AdaGrad a little the fastest.</source>
        <translation>本（図6-9）：SGD の学習が最も遅く、Momentum・AdaGrad・Adam はどれもそれより速く、AdaGrad がわずかに最速です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (figs. 6-18, 6-19): with Batch Normalization the training accuracy rises faster at almost every init scale; without it a bad scale does not learn at all.</source>
        <translation>本（図6-18、6-19）：Batch Normalization を使うと、ほぼどの初期値のスケールでも認識精度が速く上がり、使わないとスケールが悪ければまったく学習しません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book (figs. 6-24, 6-25): the best runs have a learning rate near 0.001-0.01 and weight decay near 1e-8-1e-6; narrow the ranges and search again.</source>
        <translation>本（図6-24、6-25）：良い結果は学習率 0.001～0.01、荷重減衰の係数 1e-8～1e-6 あたりにあります。範囲を絞って再び探索します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Book 2, ch. 5-6 Recurrent networks</source>
        <translation>❷ 5〜6章 リカレントネットワーク</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Book chapter</source>
        <translation>本の章・節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Book chapters</source>
        <translation>本の章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Book's settings</source>
        <translation>本の設定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Book's weights</source>
        <translation>本の重み</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Book: plain training reaches 100% on the 300 images but far less on test data (fig. 6-20); weight decay 0.1 narrows the gap (fig. 6-21), so does Dropout (fig. 6-23). L1 does the same by pushing weights to 0.</source>
        <translation>本：普通の学習では300枚の訓練データで100%になりますが、テストデータでははるかに低くなります（図6-20）。荷重減衰 0.1 で差が縮まり（図6-21）、Dropout も同様です（図6-23）。L1 は重みを0に押しやることで同じ効果を得ます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Bottom: filter #{i} of the model's first Conv2D layer and its output.</source>
        <translation>下：モデルの最初の畳み込み層のフィルター #{i} とその出力。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Build XOR from NAND, OR and AND (two layers)</source>
        <translation>NAND・OR・ANDでXORを作る（2層）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Built with</source>
        <translation>動作環境</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cancelled: nothing changed.</source>
        <translation>キャンセルしました：何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>Cannot evaluate ({what}): {error}</source>
        <translation>評価できません（{what}）：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cannot fine-tune: {error}</source>
        <translation>ファインチューニングできません：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open a design while training</source>
        <translation>学習中はネットワーク設計を開けません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open a model while training</source>
        <translation>学習中はモデルを開けません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open this design</source>
        <translation>このネットワーク設計を開けません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot open this model</source>
        <translation>このモデルを開けません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Cannot read the trained model</source>
        <translation>学習したモデルを読み込めません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Cannot read this image</source>
        <translation>この画像を読み込めません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>Cannot read this image: {error}</source>
        <translation>この画像を読み込めません：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot save the design</source>
        <translation>ネットワーク設計を保存できません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Cannot save the digit</source>
        <translation>数字を保存できません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Cannot save the model</source>
        <translation>モデルを保存できません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Cannot save the model: {error}</source>
        <translation>モデルを保存できません：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 2 Perceptrons and logic gates</source>
        <translation>2章 パーセプトロンと論理回路</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Ch. 2 · figs. 2-6, 2-7, 2-13</source>
        <translation>2章 · 図2-6、2-7、2-13</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 3 Activations, softmax, shapes</source>
        <translation>3章 活性化関数・ソフトマックス・形状</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Ch. 3 · figs. 3-6 to 3-9, 3-15 to 3-20, eq. 3.10, 3.11</source>
        <translation>3章 · 図3-6～3-9、図3-15～3-20、式 3.10、3.11</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 4 Loss and gradient</source>
        <translation>4章 損失関数と勾配</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Ch. 4 · eq. 4.1, 4.2, figs. 4-5, 4-9, 4-10</source>
        <translation>4章 · 式 4.1、4.2、図4-5、4-9、4-10</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 5 Computational graph</source>
        <translation>5章 計算グラフ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Ch. 5 · figs. 5-16, 5-17</source>
        <translation>5章 · 図5-16、5-17</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Ch. 5-6 of book 2 · figs. 6-8, 6-9</source>
        <translation>ゼロから作るDeep Learning ❷ 5〜6章 · 図6-8、6-9</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 6 Experiments on MNIST</source>
        <translation>6章 MNIST での実験</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 6 Initial weights</source>
        <translation>6章 重みの初期値</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 6 Optimizer paths</source>
        <translation>6章 最適化手法の経路</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Ch. 6 · fig. 6-8 (and 6-3, 6-5, 6-6, 6-7)</source>
        <translation>6章 · 図6-8（と図6-3、6-5、6-6、6-7）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Ch. 6 · figs. 6-10, 6-11, 6-13, 6-14</source>
        <translation>6章 · 図6-10、6-11、6-13、6-14</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Ch. 6 · figs. 6-9, 6-15, 6-18, 6-19, 6-20, 6-21, 6-23, 6-24, 6-25</source>
        <translation>6章 · 図6-9、6-15、6-18、6-19、6-20、6-21、6-23、6-24、6-25</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Ch. 7 Convolution and im2col</source>
        <translation>7章 畳み込みと im2col</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Ch. 7 · figs. 7-3 to 7-7, 7-18, 7-19, eq. 7.1</source>
        <translation>7章 · 図7-3～7-7、図7-18、7-19、式 7.1</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Chapters: ゼロから作るDeep Learning (Koki Saitoh, O'Reilly Japan); the same numbering in 深度学习入门 and Deep Learning from Scratch.</source>
        <translation>章番号は『ゼロから作るDeep Learning』（斎藤康毅、オライリー・ジャパン）のものです。中国語版『深度学习入门』、英語版でも同じ番号です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Check gradients</source>
        <translation>勾配確認を実行</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Clear the canvas (Esc, Delete, Ctrl+L)</source>
        <translation>キャンバスを消去（Esc、Delete、Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>Click a cell, or move with the arrow keys and press Enter or Space, to see its images</source>
        <translation>マスをクリックするか、矢印キーで移動して Enter かスペースキーを押すと、その画像を表示します</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>Click a digit to put it on the canvas</source>
        <translation>数字をクリックするとキャンバスに置きます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Command: {command}</source>
        <translation>コマンド：{command}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Compare backprop with central differences (float64) for the network in the designer</source>
        <translation>設計中のネットワークについて、誤差逆伝播法と中心差分（float64）の勾配を比べます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Compare runs</source>
        <translation>学習の比較</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Compare with the book's cases: std 1, std 0.01, Xavier with sigmoid; std 0.01, Xavier, He with ReLU.</source>
        <translation>本の例と比べてください：シグモイド関数では標準偏差1・0.01・Xavier、ReLUでは標準偏差0.01・Xavier・He。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Compare…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Compute the training images' features for this model (once; kept in the cache folder)</source>
        <translation>このモデルで訓練画像の特徴量を計算します（一度だけ。キャッシュフォルダに保存）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Computing the training images' features (once per model)…</source>
        <translation>訓練画像の特徴量を計算中（モデルごとに一度だけ）…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Conv2D, padding, stride, MaxPool2D/AvgPool2D, the SimpleConvNet preset</source>
        <translation>Conv2D、パディング、ストライド、MaxPool2D/AvgPool2D、プリセット SimpleConvNet</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Convolution: small learnable filters slide over the image. Book ch. 7.2.</source>
        <translation>畳み込み層：学習する小さなフィルターが画像の上をスライドします。本の 7.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Convolutional neural networks</source>
        <translation>畳み込みニューラルネットワーク</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Correct label (t is one-hot):</source>
        <translation>正解ラベル（t は one-hot 表現）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Cost per epoch (input 1, target 0)</source>
        <translation>エポックごとのコスト（入力 1、目標 0）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Costs are shown relative to their start. After 50 epochs the output is {q} with the quadratic cost and {ce} with cross-entropy: σ'(z) ≈ {d} at the start slows the quadratic cost's gradient, and cross-entropy has no σ'(z) in it.</source>
        <translation>コストは最初の値を1として表示しています。50エポック後の出力は、2次コストでは {q}、交差エントロピーでは {ce}：最初の σ'(z) ≈ {d} が2次コストの勾配を小さくしますが、交差エントロピーの勾配には σ'(z) がありません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Could not export the history</source>
        <translation>学習の記録を書き出せませんでした</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Could not export the plots</source>
        <translation>グラフを書き出せませんでした</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Created: {created}</source>
        <translation>作成日時：{created}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>DeepConvNet preset, data augmentation</source>
        <translation>プリセット DeepConvNet、データ拡張</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Dense (the book's Affine layer): every input connects to every neuron. Book ch. 3 and 5.</source>
        <translation>Dense（本の Affine レイヤ）：すべての入力がすべてのニューロンにつながります。本の 3 章と 5 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Dense layer, activation functions (ReLU, Sigmoid, Tanh), softmax bars on the canvas</source>
        <translation>Dense レイヤ、活性化関数（ReLU、シグモイド、tanh）、キャンバスのソフトマックスの棒グラフ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Derivative h'(x)</source>
        <translation>微分 h'(x)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Design a valid network first (the designer panel).</source>
        <translation>まずデザイナーパネルで有効なネットワークを設計してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Design, train and look inside a neural network written in NumPy, and draw digits for it to read. For learners of deep learning from scratch.</source>
        <translation>NumPy で書かれたニューラルネットワークを設計し、学習させ、中を見て、描いた数字を読ませる。ゼロからディープラーニングを学ぶ人のために。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Download failed</source>
        <translation>ダウンロードに失敗しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Downloading MNIST</source>
        <translation>MNIST のダウンロード</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Downloading MNIST…</source>
        <translation>MNIST をダウンロードしています…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Downsample</source>
        <translation>ダウンサンプリング</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Drag the target to move the start. </source>
        <translation>ターゲットをドラッグすると開始点が動きます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Drag with the mouse to draw f(x); drag the dashed lines to move the steps</source>
        <translation>マウスをドラッグして f(x) を描き、破線をドラッグしてステップを動かします</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Draw a digit</source>
        <translation>数字を描く</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Draw a digit on the canvas first.</source>
        <translation>先にキャンバスに数字を描いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Draw a digit on the canvas first: the lesson reads its strokes as you drew them.</source>
        <translation>先にキャンバスに数字を描いてください：このレッスンは書いたとおりのストロークを読みます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>Draw a digit or open an image to see each step of the preprocessing.</source>
        <translation>数字を描くか画像を開くと、前処理の各ステップが表示されます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Draw a digit to see each model's answer.</source>
        <translation>数字を描くと、各モデルの答えが表示されます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Draw a digit to see its neighbours.</source>
        <translation>数字を描くと、最も近い訓練画像が表示されます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>Draw a digit to see which pixels decide the answer.</source>
        <translation>数字を描くと、どのピクセルが答えを決めたかが見えます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/canvas.py"/>
        <source>Draw a digit with the mouse or a pen; the right button erases. Esc clears, Ctrl+Z undoes a stroke. Drop an image file here to recognize it.</source>
        <translation>マウスかペンで数字を描いてください。右ボタンで消せます。Esc で消去、Ctrl+Z で一画戻します。画像ファイルをここにドロップすると認識します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Dropout {0}</source>
        <translation>Dropout（比率 {0}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Dropout: silences random neurons while training, against overfitting. Book ch. 6.4.</source>
        <translation>Dropout：学習中にランダムにニューロンを消去し、過学習を防ぎます。本の 6.4 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Each computation uses nndesk's sigmoid and Network.</source>
        <translation>計算はすべて nndesk のシグモイド関数と Network で行います。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Each cost has its own η, as in Nielsen's demo (0.15 and 0.005). He remarks that different rates make the comparison imperfect; what counts is how the speed changes: the quadratic cost learns slowest while the neuron is badly wrong, cross-entropy fastest.</source>
        <translation>Nielsen のデモと同じく、コストごとに η を別にしています（0.15 と 0.005）。学習率が違うので比較は完全ではない、と Nielsen は述べています。大事なのは学習の速さがどう変わるかです：ニューロンが大きく間違っているとき、2次コストでは学習が最も遅く、交差エントロピーでは最も速くなります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Each experiment trains the book's small networks from the same seed, changing one thing. It runs in the background; stop it at any time.</source>
        <translation>どの実験も同じシードから本の小さなネットワークを学習し、1か所だけを変えます。バックグラウンドで実行され、いつでも停止できます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Epochs:</source>
        <translation>エポック数：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Epochs: {epochs}</source>
        <translation>エポック数：{epochs}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Epochs: {epochs} (best: {best})</source>
        <translation>エポック数：{epochs}（最良：{best}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Eraser</source>
        <translation>消しゴム</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Error of the derivative of 0.01x² + 0.1x at x = 5</source>
        <translation>0.01x² + 0.1x の x = 5 での微分の誤差</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluate</source>
        <translation>評価する</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluating {model} on the {dataset} test set…</source>
        <translation>{dataset} のテストデータで {model} を評価中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluating {model} on {what}…</source>
        <translation>{what}で {model} を評価中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluation stopped</source>
        <translation>評価を停止しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluation: no model yet</source>
        <translation>評価：モデルがまだありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Evaluation: the network being trained (press Evaluate)</source>
        <translation>評価：学習中のネットワーク（「評価する」を押してください）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>Explain:</source>
        <translation>説明：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export CSV…</source>
        <translation>CSV を書き出す…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export PNG…</source>
        <translation>PNG を書き出す…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Export curves as &amp;PNG…</source>
        <translation>グラフを PNG で書き出す(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Export history as &amp;CSV…</source>
        <translation>学習の記録を CSV で書き出す(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export the history</source>
        <translation>学習の記録の書き出し</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Export the model</source>
        <translation>モデルのエクスポート</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Export the plots</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Export to</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Export...</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Exporting…</source>
        <translation>エクスポート中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Feature maps of the drawn digit</source>
        <translation>描いた数字の特徴マップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Feature maps: draw a digit to see them</source>
        <translation>特徴マップ：数字を描くと表示されます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Fig. 6-14, bottom: with He's std √(2/n) every layer looks alike.</source>
        <translation>図6-14 下：Heの初期値（標準偏差 √(2/n)）では、どの層も同じ広がりです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Fig. 6-14, middle: Xavier is too small for ReLU; the values drift towards 0 as the layers go deeper.</source>
        <translation>図6-14 中：XavierはReLUには小さすぎ、層が深くなるほど値が0に偏ります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Fig. 6-14, top: with std 0.01 the ReLU values shrink towards 0 layer after layer.</source>
        <translation>図6-14 上：標準偏差0.01では、ReLUのアクティベーションが層ごとに0へ縮んでいきます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>File: {path}</source>
        <translation>ファイル：{path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Filters on your digit</source>
        <translation>あなたの数字にフィルターを適用</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Find neighbours</source>
        <translation>近傍を探す</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Find weights (perceptron learning rule)</source>
        <translation>重みを求める（パーセプトロンの学習規則）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Fine-tune on my digits</source>
        <translation>自分の数字でファインチューニング</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Fine-tuned from {name} on {n} of your digits ({held} kept aside to check it)</source>
        <translation>{name} から自分の数字 {n} 個でファインチューニング（ほかに {held} 個をテスト用に取っておきました）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Fine-tune…</source>
        <translation>ファインチューニング…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Fine-tuning is running. Quit now and it stops: the fine-tuned model is not kept (the model you started from is unchanged).</source>
        <translation>ファインチューニング中です。いま終了するとファインチューニングは止まり、その結果のモデルは残りません（元のモデルは変わりません）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Fine-tuning: batch {done} of {total}</source>
        <translation>ファインチューニング中：バッチ {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Fine-tuning: {epochs} epochs, Adam, learning rate {lr}, MNIST digits mixed in: {mixed}</source>
        <translation>ファインチューニング：{epochs} エポック、Adam、学習率 {lr}、混ぜた MNIST の数字：{mixed}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Finished %n epoch(s)</source>
        <translation>
            <numerusform>%n エポックの学習が終わりました</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Finished.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>First layer's weights</source>
        <translation>最初のレイヤの重み</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>First layer's weights and feature maps</source>
        <translation>最初のレイヤの重みと特徴マップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>First layer's weights: {why}</source>
        <translation>最初のレイヤの重み：{why}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Fix the design first: {error}</source>
        <translation>先にネットワークの設計を直してください：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Fix the design first: {problem}</source>
        <translation>先にネットワーク設計を直してください：{problem}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Flatten: turns an image into one long vector.</source>
        <translation>Flatten：画像を一列の長いベクトルにします。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/i18n.py"/>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Forward pass and shapes</source>
        <translation>順方向の処理と形状</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Forward: values flow left to right (black). Backward: gradients of the price flow right to left (red); a × node passes each input the other input's value, a + node passes the gradient on unchanged.</source>
        <translation>順伝播：値は左から右へ流れます（黒）。逆伝播：支払金額の微分が右から左へ流れます（赤）。乗算ノードは上流の値にもう一方の入力を掛けて渡し、加算ノードはそのまま下流へ流します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>GRU: an RNN whose update and reset gates decide what the hidden state keeps. Deep Learning from Scratch 2, ch. 6.</source>
        <translation>GRU：updateゲートと resetゲートが隠れ状態に残すものを決める RNN。ゼロから作るDeep Learning ❷ の 6 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: hidden state h</source>
        <translation>GRU：隠れ状態 h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: reset gate r</source>
        <translation>GRU：resetゲート r</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: update gate bias</source>
        <translation>GRU：updateゲートのバイアス</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>GRU: update gate z</source>
        <translation>GRU：updateゲート z</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Gate</source>
        <translation>ゲート</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Give every layer that has this setting the same value (every activation the same kind, every weighted layer the same init)</source>
        <translation>この設定を持つすべてのレイヤを同じ値にします（活性化関数はすべて同じ種類に、重みのあるレイヤはすべて同じ初期化方法に）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>Gradient RMS per weight while training</source>
        <translation>学習中の重みあたりの勾配 RMS</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Gradient and gradient descent</source>
        <translation>勾配と勾配降下法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Gradient check</source>
        <translation>勾配確認</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Gradient check (backprop against numerical gradients)</source>
        <translation>勾配確認（誤差逆伝播法と数値微分の勾配の比較）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Gradient check of the network in the designer</source>
        <translation>デザイナーのネットワークで勾配確認</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Gradient reaching each step</source>
        <translation>各時刻に届く勾配</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Guide</source>
        <translation>使い方</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Hand-made filter</source>
        <translation>手作りのフィルター</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>He</source>
        <translation>He の初期値</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Height and width of each filter in pixels. 3 or 5 are usual; it must fit the input (with padding). Book ch. 7.2.</source>
        <translation>フィルターの高さと幅（画素）。3 か 5 がふつうで、（パディング込みで）入力に収まる必要があります。本の 7.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Height and width of the pooling window. 2 halves the image. Book ch. 7.3.</source>
        <translation>プーリングの窓の高さと幅。2 で画像が半分になります。本の 7.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Hide</source>
        <translation>隠す</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How many filters slide over the input: the number of output channels. Usually 8-128. Book ch. 7.2.</source>
        <translation>入力の上をスライドするフィルターの数、つまり出力のチャンネル数。ふつうは 8〜128。本の 7.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How many neurons this layer has: its output size. Hidden layers: 50-1000; the last layer: 10, one per digit. Book ch. 3 and 5 (Affine layer).</source>
        <translation>このレイヤのニューロンの数、つまり出力の大きさ。隠れ層は 50〜1000、最後の層は数字ごとに 1 つで 10。本の 3 章と 5 章（Affine レイヤ）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How many times to go through all training images. 5-20 for MNIST. Book ch. 4.5.</source>
        <translation>訓練データ全体を何回使うか。MNIST なら 5〜20。本の 4.5 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How slowly Batch Normalization's running mean and variance follow the batches (used when predicting). 0.9-0.99. Book ch. 6.3.</source>
        <translation>Batch Normalization の移動平均・移動分散（推論で使う）がバッチに追従する遅さ。0.9〜0.99。本の 6.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How the weights move along the gradient: SGD, Momentum, AdaGrad, Adam (usually the safest start). Book ch. 6.1.</source>
        <translation>勾配に沿って重みをどう更新するか：SGD、Momentum、AdaGrad、Adam（ふつうはこれがいちばん無難）。本の 6.1 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>How the weights start: auto picks He before ReLU and Xavier before sigmoid or tanh; a number is the standard deviation of a normal distribution (0.01 is the book's first choice). Book ch. 6.2.</source>
        <translation>重みの初期値：「自動」は ReLU の前なら He、sigmoid や tanh の前なら Xavier を選びます。数値は正規分布の標準偏差です（本の最初の例は 0.01）。本の 6.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Hyperparameter search (figs. 6-24, 6-25)</source>
        <translation>ハイパーパラメータの探索（図6-24、6-25）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Image model: {answer}</source>
        <translation>画像モデル：{answer}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>画像 ({patterns});;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Images per mini-batch: one gradient step each. 32-256 is usual; smaller is noisier and slower per image. Book ch. 4.2.</source>
        <translation>ミニバッチ 1 つの画像の枚数（1 バッチで 1 回更新）。32〜256 がふつう。小さいほどばらつきが大きく、1 枚あたりは遅くなります。本の 4.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>In the window</source>
        <translation>ウィンドウの部分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Initial weights</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Initial weights (fig. 6-15)</source>
        <translation>重みの初期値（図6-15）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>Initial weights and the distribution of activations</source>
        <translation>重みの初期値と隠れ層のアクティベーション分布</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Initial weights: auto, He, Xavier</source>
        <translation>重みの初期値：自動、He、Xavier</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Inputs (x1, x2) and the decision line</source>
        <translation>入力 (x1, x2) と境界の直線</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Invert Axis</source>
        <translation>軸を反転</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Its input is a sequence of pen points, not an image, and the window trains on MNIST images. Save the design and train it from the command line:

nndesk train --spec DESIGN.json --dataset pendigits --augment --out path.npz</source>
        <translation>入力は画像ではなくペン先の点の系列で、ウィンドウは MNIST の画像で学習します。設計を保存し、コマンドラインで学習してください：

nndesk train --spec DESIGN.json --dataset pendigits --augment --out path.npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Keep this drawing in your digit folder (the folder 'nndesk eval --folder' reads)</source>
        <translation>この絵を数字フォルダに保存します（'nndesk eval --folder' が読むフォルダ）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>LSTM: an RNN with a memory cell and forget, input and output gates; gradients survive long sequences. Deep Learning from Scratch 2, ch. 6.</source>
        <translation>LSTM：記憶セルと forgetゲート・inputゲート・outputゲートをもつ RNN。長い系列でも勾配が消えません。ゼロから作るDeep Learning ❷ の 6 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: forget gate bias</source>
        <translation>LSTM：forgetゲートのバイアス</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: forget gate f</source>
        <translation>LSTM：forgetゲート f</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: hidden state h</source>
        <translation>LSTM：隠れ状態 h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: input gate i</source>
        <translation>LSTM：inputゲート i</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: memory cell c</source>
        <translation>LSTM：記憶セル c</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>LSTM: output gate o</source>
        <translation>LSTM：outputゲート o</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Layer health</source>
        <translation>レイヤの健康状態</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>Layer health could not be measured: {reason}. The rest of the window keeps working; change the design or the model to measure again.</source>
        <translation>レイヤの健康状態を測定できませんでした：{reason}。ウィンドウのほかの部分はそのまま使えます。設計かモデルを変えると、もう一度測定します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Layer health measured {trouble} units or gradients: the initial weights are the likely cause (try He or Xavier init instead of a large std), then the learning rate.</source>
        <translation>レイヤの健康状態で{trouble}したユニットまたは勾配が測定されました：原因はおそらく重みの初期値です（大きな標準偏差ではなく He や Xavier の初期値を試す）。学習率はその次です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Layer health: activations and gradients per layer, initial weights</source>
        <translation>レイヤの健康状態：層ごとの活性化と勾配、重みの初期値</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>Layer health: no network yet (train one or open a model).</source>
        <translation>レイヤの健康状態：まだネットワークがありません（学習するかモデルを開いてください）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>Layer health: the design has a problem; fix it to see its layers.</source>
        <translation>レイヤの健康状態：ネットワーク設計に問題があります。直すとレイヤが表示されます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Layer settings</source>
        <translation>レイヤの設定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Layer {n} Conv2D: {count} filters of {h}×{w}</source>
        <translation>レイヤ {n} Conv2D：{h}×{w} のフィルター {count} 枚</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Layer {n} Dense: weights of {count} neurons as {h}×{w} images</source>
        <translation>レイヤ {n} Dense：ニューロン {count} 個の重みを {h}×{w} の画像として表示</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>Layer {n} in the designer; “{key}” as nndesk gradcheck prints it</source>
        <translation>設計画面の {n} 番目の層。nndesk gradcheck の表示では「{key}」</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>Layer {n} {chain}: {count} maps {h}×{w}</source>
        <translation>レイヤ {n} {chain}：{h}×{w} の特徴マップ {count} 枚</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Layer {n}: {type}</source>
        <translation>レイヤ {n}：{type}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Layers as forward/backward pairs (Affine = Dense, ReLU, Softmax-with-Loss)</source>
        <translation>forward/backward の組としてのレイヤ（Affine = Dense、ReLU、Softmax-with-Loss）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Layers side by side (bold: they differ; empty: no such layer)</source>
        <translation>レイヤの比較（太字：異なる、空欄：そのレイヤなし）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>LeNet5 preset</source>
        <translation>プリセット LeNet5</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Leaky ReLU: like ReLU, but negative inputs keep a small slope.</source>
        <translation>Leaky ReLU：ReLU と同じですが、負の入力にも小さな傾きを残します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Learning from data</source>
        <translation>ニューラルネットワークの学習</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Learning lowers a loss function; its gradient, here by numerical differentiation, says which way is downhill.</source>
        <translation>学習とは損失関数を小さくすることです。その勾配（ここでは数値微分で求めます）が下り坂の方向を示します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Learning rate over time: constant, step decay (x0.1 every 5 epochs) or cosine (smoothly down to 0).</source>
        <translation>学習率の時間変化：一定、段階的に減衰（5 エポックごとに 0.1 倍）、コサイン（なめらかに 0 まで）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Learning rate:</source>
        <translation>学習率：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Learning rate: the size of each step. Adam: 0.001; SGD: 0.01-0.1. Too high and the loss explodes, too low and nothing happens. Type 0.001 or 1e-3. Book ch. 4.4 and 6.1.</source>
        <translation>学習率：1 回の更新の大きさ。Adam は 0.001、SGD は 0.01〜0.1。大きすぎると損失が発散し、小さすぎると学習が進みません。0.001 とも 1e-3 とも入力できます。本の 4.4 節と 6.1 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Learning slowdown (ch. 3)</source>
        <translation>学習の遅さ（3章）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/__init__.py"/>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Link Axis:</source>
        <translation>軸をリンク：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Load or train a model with a Conv2D layer to see a learned filter here.</source>
        <translation>畳み込み層（Conv2D）を持つモデルを読み込むか学習すると、ここに学習したフィルターが表示されます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Loading MNIST and building the network…</source>
        <translation>MNIST を読み込み、ネットワークを構築しています…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_run.py"/>
        <source>Loading MNIST…</source>
        <translation>MNIST を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Loading the filter views…</source>
        <translation>フィルターの表示を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Loading the plots…</source>
        <translation>グラフを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Loss functions</source>
        <translation>損失関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Loss on a logarithmic axis: one run whose loss blows up no longer flattens the others</source>
        <translation>損失を対数軸で表示：損失が発散した学習があっても、ほかの曲線がつぶれません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>Loss per batch</source>
        <translation>バッチごとの損失関数の値</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Loss per batch, mini-batches, learning rate, epochs</source>
        <translation>バッチごとの損失、ミニバッチ、学習率、エポック</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>Loss {loss} on {n} training images (training mode) · {source} · {ms} ms, every {s} s</source>
        <translation>訓練画像 {n} 枚の損失 {loss}（学習モード）· {source} · {ms} ms、{s} 秒ごと</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Lower the learning rate, or open View ▸ Layer health: saturated units or vanishing gradients point at the initial weights.</source>
        <translation>学習率を下げるか、表示 ▸ レイヤの健康状態 を開いてください：飽和したユニットや消失する勾配は重みの初期値が原因です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>MNIST data</source>
        <translation>MNIST データ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>MNIST is not here yet</source>
        <translation>MNIST がまだありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>MNIST test ({n}): {before} → {after}</source>
        <translation>MNIST テストデータ（{n} 個）：{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>MNIST: 784-50-100-10 (3.6)</source>
        <translation>MNIST：784-50-100-10（3.6）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Max pooling: keeps the largest value of each window. Book ch. 7.3.</source>
        <translation>Max プーリング：窓ごとに最大値を残します。本の 7.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Mean squared error E = ½ Σ (y_k − t_k)² = {mse}   ·   Cross-entropy error E = −Σ t_k log(y_k + δ) = −log({yk} + 1e-7) = {ce}. Move the 0.6 to another class: both grow (the book: 0.0975 → 0.5975 and 0.51 → 2.30).</source>
        <translation>2乗和誤差 E = ½ Σ (y_k − t_k)² = {mse}   ·   交差エントロピー誤差 E = −Σ t_k log(y_k + δ) = −log({yk} + 1e-7) = {ce}。0.6 を別のクラスに移すと、どちらも大きくなります（本では 0.0975 → 0.5975、0.51 → 2.30）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>Measure the model on every test image</source>
        <translation>すべてのテスト画像でモデルを評価します</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>Misclassified digits: {n}</source>
        <translation>誤認識した数字：{n}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Model &amp;info…</source>
        <translation>モデルの情報(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Model: {name}</source>
        <translation>モデル：{name}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Mouse Enabled</source>
        <translation>マウス操作を有効化</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Mouse Mode</source>
        <translation>マウスモード</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Nearest of {n} training images: top, in the network's last hidden layer ({d} values); bottom, in pixels.</source>
        <translation>{n} 枚の訓練画像のうち最も近いもの：上段はネットワークの最後の隠れ層（{d} 個の値）での距離、下段はピクセルでの距離。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Neighbours are found for a finished model, not while it trains.</source>
        <translation>近傍は学習を終えたモデルについて探します（学習中は探しません）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Network designer</source>
        <translation>ネットワーク設計</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Network designs (*.json)</source>
        <translation>ネットワーク設計 (*.json)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Network output y and the one-hot label t</source>
        <translation>ニューラルネットワークの出力 y と one-hot ラベル t</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Network: {name}, {layers} layers, {params} parameters</source>
        <translation>ネットワーク：{name}、{layers} レイヤ、パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Neural networks</source>
        <translation>ニューラルネットワーク</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Nielsen's function</source>
        <translation>Nielsen の例の関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Nielsen, Neural Networks and Deep Learning · ch. 3, ch. 4</source>
        <translation>Nielsen『ニューラルネットワークと深層学習』· 3章、4章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/panel.py"/>
        <source>Nielsen: slowdown, universality</source>
        <translation>Nielsen：学習の遅さ・普遍性</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>No checkpoint was written yet (one is written at the end of each epoch): train again.</source>
        <translation>チェックポイントはまだ書き出されていません（各エポックの終わりに書き出されます）。もう一度学習してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>No digit found</source>
        <translation>数字が見つかりません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>No digit found after step {n} ({step}): the network gets nothing.</source>
        <translation>ステップ {n}（{step}）の後に数字が見つかりません：ネットワークには何も渡されません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>No digits saved yet: draw a digit on the canvas, set its label and press “{save}”; then start.</source>
        <translation>まだ数字が保存されていません。キャンバスに数字を描き、ラベルを設定して「{save}」を押してから開始してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>No model to export</source>
        <translation>エクスポートするモデルがありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>No model to save</source>
        <translation>保存するモデルがありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>No model yet — train one or open a model file (File ▸ Open model…).</source>
        <translation>まだモデルがありません。学習させるか、モデルファイルを開いてください（ファイル ▸ モデルを開く…）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>No model yet — train one or open a model file.</source>
        <translation>まだモデルがありません。学習させるか、モデルファイルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>No model yet: open or train one first.</source>
        <translation>モデルがありません：先に開くか学習してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>No overflow at this scale; the two columns agree. The probabilities sum to {total} and keep the order of the scores.</source>
        <translation>この大きさではオーバーフローせず、2つの列は一致します。確率の和は {total} で、大小関係は入力と同じです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Not exported: {err}</source>
        <translation>エクスポートできませんでした：{err}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Not saved yet (the network being trained)</source>
        <translation>まだ保存されていません（学習中のネットワーク）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Nothing to save</source>
        <translation>保存するものがありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>NumPy, as in the book: {files} (folder)</source>
        <translation>NumPy（本の書き方）：{files}（フォルダ）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Number type</source>
        <translation>数値の型</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Numerical differentiation</source>
        <translation>数値微分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>OH = OW = (n + 2p − f) / s + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size}</source>
        <translation>出力サイズ OH = OW = (n + 2p − f) / s + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>ONNX: one .onnx file for any runtime</source>
        <translation>ONNX：どのランタイムでも動く .onnx ファイル 1 つ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>On: a second layer reads the sequence from its end to its start, and the two hidden states are joined (2 x units), so every step sees the whole sequence. Deep Learning from Scratch 2, ch. 8.5.</source>
        <translation>オン：もう一つのレイヤが系列を最後から最初へ読み、二つの隠れ状態を連結します（2 × ユニット数）。各時刻が系列全体を見られます。ゼロから作るDeep Learning ❷ の 8.5 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>On: output the hidden state h at every time step (steps x units), to feed another recurrent layer (a deep RNN). Off: only the last h, for a Dense layer. Deep Learning from Scratch 2, ch. 5-6.</source>
        <translation>オン：各時刻の隠れ状態 h を出力します（時刻数 × ユニット数）。次の RNN レイヤにつなぐとき（多層 RNN）。オフ：最後の h だけを出力し、Dense レイヤにつなぎます。ゼロから作るDeep Learning ❷ の 5〜6 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Open &amp;design…</source>
        <translation>ネットワーク設計を開く(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Open a .npz file saved by nndesk (File ▸ Save model as…, or `nndesk train --out`).</source>
        <translation>nndesk が保存した .npz ファイル（ファイル ▸ 名前を付けてモデルを保存…、または `nndesk train --out`）を開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Open a design</source>
        <translation>ネットワーク設計を開く</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Open a model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Open an image of a digit</source>
        <translation>数字の画像を開く</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Open image…</source>
        <translation>画像を開く…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Optimizer: SGD, Momentum, AdaGrad, Adam</source>
        <translation>最適化手法：SGD、Momentum、AdaGrad、Adam</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Optimizers (fig. 6-9)</source>
        <translation>最適化手法（図6-9）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Optimizers on f(x, y) = x²/20 + y²</source>
        <translation>f(x, y) = x²/20 + y² での最適化手法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Ours: </source>
        <translation>この実行の結果：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>Out of memory: use a smaller batch size, fewer filters or fewer training images.</source>
        <translation>メモリが足りません。バッチサイズ、フィルター数、訓練画像の数を減らしてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Output a = σ(w·1 + b)</source>
        <translation>出力 a = σ(w·1 + b)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Output y (10 values, e.g. softmax):</source>
        <translation>出力 y（10個の値。例：ソフトマックスの出力）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Output {shape} · {params} parameters</source>
        <translation>出力 {shape} · パラメータ {params} 個</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>Overfitting: weight decay, L1, Dropout (figs. 6-20, 6-21, 6-23)</source>
        <translation>過学習：荷重減衰・L1・Dropout（図6-20、6-21、6-23）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Params</source>
        <translation>パラメータ数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Passes over your digits</source>
        <translation>自分の数字を何周学習するか（エポック数）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Pause or resume training (Ctrl+P)</source>
        <translation>学習を一時停止・再開（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Paused — press Resume to continue.</source>
        <translation>一時停止中。「再開」で続けます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Pen digit</source>
        <translation>ペン数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Pen path model (GRU), the recurrent lesson</source>
        <translation>ペン軌跡モデル（GRU）、リカレントネットワークのレッスン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Pen path model: none ({reason})</source>
        <translation>ペン軌跡モデル：なし（{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Pen path model: {answer}</source>
        <translation>ペン軌跡モデル：{answer}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Perceptrons</source>
        <translation>パーセプトロン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Plot Options</source>
        <translation>プロットのオプション</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Predicting with the network being trained (latest weights).</source>
        <translation>学習中のネットワーク（最新の重み）で推論しています。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Preprocessing steps</source>
        <translation>前処理のステップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Put the best run's learning rate and weight decay into the training settings (SGD)</source>
        <translation>最良の結果の学習率と荷重減衰を学習の設定（SGD）に入れます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>PyTorch: {files} (folder)</source>
        <translation>PyTorch：{files}（フォルダ）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Quit without saving the fine-tuned model?</source>
        <translation>ファインチューニングしたモデルを保存せずに終了しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>RNN: a hidden state h carried from time step to time step, h = tanh(x W + h U + b). Deep Learning from Scratch 2, ch. 5.</source>
        <translation>RNN：隠れ状態 h を時刻から時刻へ受け渡します。h = tanh(x W + h U + b)。ゼロから作るDeep Learning ❷ の 5 章。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>RNN: hidden state h</source>
        <translation>RNN：隠れ状態 h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>RNN: scale of U</source>
        <translation>RNN：U の倍率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Random shifts, rotations and scaling of the training images: more varied data, better on hand-drawn digits. Book ch. 8.1.</source>
        <translation>訓練画像をランダムに平行移動・回転・拡大縮小します（データ拡張）。データが多様になり、手描きの数字に強くなります。本の 8.1 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>ReLU function</source>
        <translation>ReLU関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>ReLU: max(0, x), the usual activation function. Book ch. 3.2 and 5.5.</source>
        <translation>ReLU：max(0, x)、いちばんよく使う活性化関数。本の 3.2 節と 5.5 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Read the canvas with the fine-tuned model</source>
        <translation>ファインチューニングしたモデルでキャンバスを認識</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Read the digit drawn on the canvas: its strokes, in the order and direction you drew them, as the same 32 points</source>
        <translation>キャンバスに描いた数字を読みます：書いた順と向きのままのストロークを、同じく 32 点にします</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Reading the pen digits…</source>
        <translation>ペン数字を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Reading your digits and MNIST…</source>
        <translation>自分の数字と MNIST を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Ready.</source>
        <translation>準備完了。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Recognize a digit from an image file (or drop one here)</source>
        <translation>画像ファイルの数字を認識（ここにドロップしても可）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Recurrent networks: the state over time and the vanishing gradient</source>
        <translation>RNN：時間とともに変わる状態と勾配消失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>Relative error per tensor: {rows} — largest {worst}: {verdict}</source>
        <translation>テンソルごとの相対誤差：{rows} — 最大 {worst}：{verdict}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Remove every {type} ({n})</source>
        <translation>{type} をすべて削除（{n} 個）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Remove run</source>
        <translation>この学習を削除</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Remove the last stroke, or bring back what Clear removed (Ctrl+Z)</source>
        <translation>最後の一画を取り消す、または消去した絵を元に戻す（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>Resume training?</source>
        <translation>学習を再開しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Rub ink out with the left button (the right button always erases)</source>
        <translation>左ボタンで線を消します（右ボタンはいつでも消しゴム）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Same settings: the runs differ only by chance.</source>
        <translation>設定はすべて同じです：違いは偶然によるものだけです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Save as my digit</source>
        <translation>自分の数字として保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Save d&amp;esign as…</source>
        <translation>名前を付けてネットワーク設計を保存(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Save the design</source>
        <translation>ネットワーク設計の保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Save the design first?</source>
        <translation>先に設計を保存しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Save the fine-tuned model as a new file</source>
        <translation>ファインチューニングしたモデルを新しいファイルに保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Save the model</source>
        <translation>モデルの保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Saved as {name}</source>
        <translation>{name} として保存しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Save…</source>
        <translation>別名で保存…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Scores a (comma-separated; try 1010, 1000, 990):</source>
        <translation>入力信号 a（カンマ区切り。1010, 1000, 990 を試してください）：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Select a layer to edit its settings.</source>
        <translation>設定を編集するレイヤを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Settings file</source>
        <translation>設定ファイル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>Settings that differ: {n}</source>
        <translation>異なる設定：{n} 個</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Settings: {settings}</source>
        <translation>設定：{settings}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Share of neurons silenced at random during training, against overfitting. 0.2-0.5; 0 turns Dropout off. Book ch. 6.4.</source>
        <translation>学習中にランダムに消去するニューロンの割合（過学習を防ぐ）。0.2〜0.5。0 で Dropout なし。本の 6.4 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Show each model's answer</source>
        <translation>各モデルの答えを表示</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/design_summary.py"/>
        <source>Show the whole reason</source>
        <translation>理由の全文を表示</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Sigmoid: squashes into (0, 1), the classic activation. Book ch. 3.2.</source>
        <translation>シグモイド関数：(0, 1) に押し込める昔ながらの活性化関数。本の 3.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Slope of Leaky ReLU for negative inputs. 0.01-0.3; 0 is plain ReLU.</source>
        <translation>負の入力に対する Leaky ReLU の傾き。0.01〜0.3。0 ならふつうの ReLU。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/app.py"/>
        <source>Some saved settings were not understood and were ignored: {keys}</source>
        <translation>保存されていた設定の一部が読めなかったため、無視しました：{keys}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/app.py"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Space the steps evenly</source>
        <translation>ステップを等間隔に置く</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Start</source>
        <translation>ファインチューニング開始</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Start from a network of the book (you can edit it afterwards)</source>
        <translation>本に出てくるネットワークから始める（あとで編集できます）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Starting point of every random choice (weights, shuffling): the same seed gives the same run. Any whole number from 0.</source>
        <translation>乱数（重みの初期値、シャッフル）の出発点。同じシードなら同じ学習になります。0 以上の整数ならどれでも構いません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Step between two positions of the filter or window. 1 for convolutions; for pooling, empty means the window size (no overlap). Book ch. 7.2-7.3.</source>
        <translation>フィルターや窓を動かす間隔。畳み込みは 1。プーリングで空欄なら窓の大きさと同じ（重なりなし）。本の 7.2〜7.3 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>Steps from ({x}, {y})</source>
        <translation>({x}, {y}) からのステップ数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Stop after this many epochs without a better validation accuracy, and go back to the best epoch. 3-5; off trains every epoch. Book ch. 6.4.</source>
        <translation>検証データの認識精度がこのエポック数だけ良くならなければ学習を止め、最良のエポックに戻します。3〜5。「なし」なら全エポック学習します。本の 6.4 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop fine-tuning and quit?</source>
        <translation>ファインチューニングを止めて終了しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop the experiment and quit?</source>
        <translation>実験を止めて終了しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop the export and quit?</source>
        <translation>エクスポートを止めて終了しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop the work under way and quit?</source>
        <translation>実行中の作業を止めて終了しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Stop training and keep a checkpoint (Ctrl+.)</source>
        <translation>学習を止め、チェックポイントを残す（Ctrl+.）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>Stop training and quit?</source>
        <translation>学習を止めて終了しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Stopped: no neighbours for this model yet.</source>
        <translation>停止しました：このモデルの近傍はまだありません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Stopping after this batch…</source>
        <translation>このバッチのあとで停止します…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Take every layer of this type out of the network at once</source>
        <translation>この種類のレイヤをネットワークから一度にすべて取り除きます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Tanh: squashes into (-1, 1), centred on zero.</source>
        <translation>tanh 関数：0 を中心に (-1, 1) に押し込めます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>TensorBoard log</source>
        <translation>TensorBoard ログ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>TensorBoard: tensorboard --logdir {dir}</source>
        <translation>TensorBoard：tensorboard --logdir {dir}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Test accuracy: {acc}%</source>
        <translation>テストデータの認識精度：{acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Test accuracy: {acc}% ({n} test images)</source>
        <translation>テストデータの認識精度：{acc}%（テスト画像 {n} 枚）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_preview.py"/>
        <source>The 28x28 image the network sees (after preprocessing)</source>
        <translation>ネットワークが見る 28×28 の画像（前処理のあと）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>The activation function turns a layer's weighted sum into its output; the derivative is what backprop multiplies by (ch. 5).</source>
        <translation>活性化関数は層の重み付き和を出力信号に変換します。逆伝播で掛けられるのはその微分です（5章）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>The answer above combines two networks: one reads the image of your drawing, the other the path of the pen (stroke order and direction).</source>
        <translation>上の答えは2つのニューラルネットワークを組み合わせたものです。1つは描いた画像を、もう1つはペンの軌跡（書き順と方向）を読み取ります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>The best settings were found on the search's own network (6 hidden layers of 100, SGD, 400 images); Use the best puts them into the training settings of whatever design the designer holds.</source>
        <translation>最良の設定は、探索用のネットワーク（100 ユニットの隠れ層 6 つ、SGD、400 枚の画像）で見つけたものです。「最良の設定を使う」は、いまデザイナーにあるネットワークの学習の設定にそれを入れます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>The book's 2-3-2-2 network (3.4.3)</source>
        <translation>本の 2-3-2-2 ネットワーク（3.4.3）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>The check failed: {error}</source>
        <translation>確認に失敗しました：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>The design has a problem</source>
        <translation>ネットワーク設計に問題があります</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>The design in the designer was changed and is not saved anywhere; the preset you chose replaces it.

Save the design first?</source>
        <translation>ネットワーク設計の内容は変更されていて、どこにも保存されていません。選んだプリセットで置き換えられます。

先に設計を保存しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>The design in the designer was changed and is not saved anywhere; what you open now replaces it.

Save the design first?</source>
        <translation>ネットワーク設計の内容は変更されていて、どこにも保存されていません。いま開くファイルで置き換えられます。

先に設計を保存しますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>The digit you drew: it is saved under this label</source>
        <translation>描いた数字：このラベルで保存します</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>The evaluation stopped on an unexpected error: {reason}. The rest of the window keeps working; press Evaluate to try again.</source>
        <translation>予期しないエラーで評価が止まりました：{reason}。ウィンドウのほかの部分はそのまま使えます。「評価する」を押すと再試行します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>The experiment failed: {error}</source>
        <translation>実験に失敗しました：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/quit_guard.py"/>
        <source>The fine-tuned model is not saved yet (Save… in the fine-tuning window). Quit now and it is lost.</source>
        <translation>ファインチューニングしたモデルはまだ保存されていません（ファインチューニングの画面の「別名で保存…」）。いま終了すると失われます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>The gradient check failed: {error}</source>
        <translation>勾配確認に失敗しました：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>The gradient points mostly along y, not at the minimum (0, 0): SGD zigzags, Momentum rolls like a ball, AdaGrad and RMSprop shrink the steps along y, Adam does both. Each path is nndesk's own optimizer class updating (x, y).</source>
        <translation>勾配はほとんど y 方向を指し、最小値 (0, 0) を向いていません：SGD はジグザグに進み、Momentum はボールのように転がり、AdaGrad と RMSprop は y 方向の更新を小さくし、Adam はその両方を行います。どの経路も nndesk 自身の最適化クラスが (x, y) を更新したものです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>The images to measure the model on</source>
        <translation>モデルを評価する画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>The inner sizes must match: the columns of the left matrix equal the rows of W; b is added to every row (broadcasting).</source>
        <translation>対応する次元の要素数を一致させます：左の行列の列数と W の行数が等しく、b は各行に加算されます（ブロードキャスト）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>The input images: d loss / d x</source>
        <translation>入力画像：d 損失 / d x</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>The last checkpoint is kept: {path}
Resume it with: nndesk train --resume "{path}" --out model.npz</source>
        <translation>最後のチェックポイントは残っています：{path}
次のコマンドで再開できます：nndesk train --resume "{path}" --out model.npz</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>The learning rate {lr} is far below {optimizer}'s usual {usual}: the weights hardly move. Raise it (try {usual}).</source>
        <translation>学習率 {lr} は {optimizer} の標準的な値 {usual} よりはるかに小さく、重みがほとんど動きません。学習率を上げてください（{usual} を試してください）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>The learning rule found these weights in {n} epochs.</source>
        <translation>学習規則が {n} エポックでこの重みを見つけました。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_verdicts.py"/>
        <source>The loss is growing instead of falling ({loss:.3g}): the learning rate is too large. Stop, lower the learning rate (try a tenth) and train again.</source>
        <translation>損失が下がらず増えています（{loss:.3g}）：学習率が大きすぎます。停止して学習率を下げ（10分の1を試してください）、もう一度学習してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>The maps could not be computed: {reason}. The rest of the window keeps working; draw again to try once more, or open another model.</source>
        <translation>マップを計算できませんでした：{reason}。ウィンドウのほかの部分はそのまま使えます。もう一度描くと再試行します。別のモデルを開くこともできます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>The model just trained reaches {new}% on the test images; the model the canvas uses now has no test accuracy recorded, so it may be better.

Use the new model on the canvas? (No keeps the current one; the new one is saved either way.)</source>
        <translation>学習したばかりのモデルのテスト画像での認識精度は {new}% です。キャンバスが今使っているモデルにはテストデータの認識精度の記録がなく、より良い可能性があります。

キャンバスで新しいモデルを使いますか？（「いいえ」なら今のモデルのまま。新しいモデルはどちらの場合も保存されます。）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>The model just trained reaches {new}% on the test images; the model the canvas uses now reaches {old}%.

Use the new model on the canvas? (No keeps the current one; the new one is saved either way.)</source>
        <translation>学習したばかりのモデルのテスト画像での認識精度は {new}%、キャンバスが今使っているモデルは {old}% です。

キャンバスで新しいモデルを使いますか？（「いいえ」なら今のモデルのまま。新しいモデルはどちらの場合も保存されます。）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_jobs.py"/>
        <source>The neighbours could not be found: {reason}. The rest of the window keeps working; press Find neighbours to try again.</source>
        <translation>近傍を見つけられませんでした：{reason}。ウィンドウのほかの部分はそのまま使えます。「近傍を探す」を押すと再試行します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>The network has no layers.</source>
        <translation>ネットワークにレイヤがありません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>The pen digits could not be read: {error}</source>
        <translation>ペン数字を読み込めません：{error}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>The pen's path</source>
        <translation>ペンの軌跡</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>The settings of these runs are not known.</source>
        <translation>これらの学習の設定は分かりません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>The shapes of the weights this layer learns: Dense W (inputs, units), Conv2D W (filters, channels, height, width), b one per output; BatchNorm γ and β one per feature or channel</source>
        <translation>このレイヤが学習する重みの形状：Dense の W は（入力数, ニューロン数）、Conv2D の W は（フィルター数, チャンネル数, 高さ, 幅）、バイアス b は出力ごとに1つ、BatchNorm の γ と β は特徴またはチャンネルごとに1つ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>The training process ended unexpectedly (exit code {code}).</source>
        <translation>学習プロセスが予期せず終了しました（終了コード {code}）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>The {f}×{f} filter does not fit the padded {m}×{m} input.</source>
        <translation>{f}×{f} のフィルターはパディング後の {m}×{m} の入力に収まりません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Their weights (w1, w2, b) are the book's: NAND {nand}; OR {or_}; AND {and_}. The sliders are one perceptron's: Find weights or another gate brings them back.</source>
        <translation>重み（w1、w2、b）は本のものです：NAND {nand}、OR {or_}、AND {and_}。スライダーは 1 つのパーセプトロン用です：「重みを求める」を押すか、別のゲートを選ぶと戻ります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>This export needs an optional library: pip install '{extra}'</source>
        <translation>このエクスポートには追加のライブラリが必要です：pip install '{extra}'</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>This is fig. 6-10: the values pile up at 0 and 1, where the sigmoid's gradient vanishes.</source>
        <translation>これが図6-10です：データが0と1に偏り、そこではシグモイド関数の勾配が消失します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>This is fig. 6-11: every value is near 0.5; the neurons all say the same, so many neurons are no better than one.</source>
        <translation>これが図6-11です：どの値も0.5付近に集まります。ニューロンがみな同じ値を出すので、多数のニューロンがいても1つと変わりません（表現力の制限）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>This is fig. 6-13: with Xavier's std 1/√n the values stay spread out in every layer.</source>
        <translation>これが図6-13です：Xavierの初期値（標準偏差 1/√n）では、どの層でも分布に広がりがあります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>This layer has no settings.</source>
        <translation>このレイヤには設定がありません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>This network has no Conv2D layer, so it has no feature maps.</source>
        <translation>このネットワークには畳み込み層（Conv2D）がないので、特徴マップはありません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>This network has no hidden layer: its nearest images are the pixel ones.</source>
        <translation>このネットワークには隠れ層がありません：近傍はピクセルでの近傍と同じです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>This network reads pen paths</source>
        <translation>このネットワークはペンの軌跡を読みます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Tick to show a run, untick to hide it; select two (Ctrl+click) to compare them</source>
        <translation>チェックで学習を表示、外すと非表示。2つ選ぶ（Ctrl+クリック）と比較できます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>To recognize the digit in it: Canvas ▸ Open image… (Ctrl+Shift+I).</source>
        <translation>中の数字を認識するには：キャンバス ▸ 画像を開く…（Ctrl+Shift+I）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Together: {answer}</source>
        <translation>組み合わせ：{answer}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>Together: {answer}, pen path weighted {weight}</source>
        <translation>組み合わせ：{answer}（ペン軌跡の重み {weight}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Top: {source}, the hand-made filter (white +, black −) and its output. </source>
        <translation>上：{source}、手作りのフィルター（白が正、黒が負）とその出力。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Total: {params} parameters · input {input} → output {output}</source>
        <translation>合計：パラメータ {params} 個 · 入力 {input} → 出力 {output}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/design_summary.py"/>
        <source>Total: —</source>
        <translation>合計：—</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Train</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>Train a network or open a model first.</source>
        <translation>先にネットワークを学習させるか、モデルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Train on the first N images only (quick experiments); all = 55000 after the validation split.</source>
        <translation>最初の N 枚だけで学習（手早い実験用）。「すべて」は検証データを除いた 55000 枚。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>Train the current model a little more on the digits you saved; MNIST digits are mixed in so it keeps reading other hands. The loaded model is not changed.</source>
        <translation>保存した数字で、いまのモデルをもう少し学習させます（ファインチューニング）。ほかの人の筆跡も読めるように MNIST の数字を混ぜて学習します。読み込んだモデルは変更されません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Train the current model a little more on your saved digits, in the background</source>
        <translation>保存した自分の数字で、いまのモデルをバックグラウンドでもう少し学習させます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Train this design on MNIST (Ctrl+T)</source>
        <translation>このネットワークを MNIST で学習（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Training</source>
        <translation>学習の設定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training diverged</source>
        <translation>学習が発散しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>Training done. Evaluating the test set and saving the model…</source>
        <translation>学習が終わりました。テストデータで評価し、モデルを保存しています…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>Training failed: {err}

Check the design and the training settings.</source>
        <translation>学習に失敗しました：{err}

ネットワーク設計と学習の設定を確認してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Training images kept aside to check the network (validation data), never trained on. 5000 is usual; 0 turns validation off. Book ch. 6.5.</source>
        <translation>ネットワークの確認用に取り分ける訓練画像（検証データ）。学習には使いません。5000 がふつう、0 で検証なし。本の 6.5 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Training images whose 784 pixels are closest to the drawing's</source>
        <translation>784 個のピクセルが描いた数字に最も近い訓練画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>Training images whose last hidden layer is closest to the drawing's</source>
        <translation>最後の隠れ層の出力が描いた数字に最も近い訓練画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Training needs MNIST; drawing still works.</source>
        <translation>学習には MNIST が必要です。数字を描くことはできます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>Training needs the MNIST files in
{folder}

Missing: {missing}

Download them now (about 11 MB)? Drawing digits works without them.</source>
        <translation>学習には次のフォルダーに MNIST のファイルが必要です：
{folder}

足りないもの：{missing}

今ダウンロードしますか（約 11 MB）？ 数字を描くことはファイルがなくてもできます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training resumed.</source>
        <translation>学習を再開しました。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Training settings now: SGD, learning rate {lr}, weight decay {wd}.</source>
        <translation>学習の設定を変更しました：SGD、学習率 {lr}、荷重減衰 {wd}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training stopped</source>
        <translation>学習が止まりました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Training techniques on MNIST</source>
        <translation>MNIST で試す学習に関するテクニック</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Training time: {minutes} min</source>
        <translation>学習時間：{minutes} 分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>Training was interrupted when the window closed:
{run}.

Resume that run now?

(checkpoint: {path})</source>
        <translation>ウィンドウを閉じたときに学習が中断されました：
{run}。

その学習をいま再開しますか？

（チェックポイント：{path}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>Training {epochs} epochs of {batches} batches…</source>
        <translation>{batches} バッチ × {epochs} エポックを学習しています…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Transforms</source>
        <translation>変換</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>True derivative 0.2. For the forward difference, shrinking h first helps (less truncation error), then hurts (rounding error): its best h is {best}. The central difference has no truncation error on a quadratic, only rounding; the book uses h = 1e-4. At h = 1e-50, 5 + h rounds to 5, the difference is 0 and the error is the whole 0.2.</source>
        <translation>真の微分は 0.2。前方差分では、h を小さくすると最初は良くなり（打ち切り誤差が減る）、やがて悪くなります（丸め誤差）：最良の h は {best}。中心差分は2次関数では打ち切り誤差がなく丸め誤差だけです。本では h = 1e-4 を使います。h = 1e-50 では 5 + h が 5 に丸められ、差は 0、誤差は 0.2 そのものです。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>True {true}, predicted {pred}: {n}</source>
        <translation>正解 {true}、予測 {pred}：{n}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>Two lines: the output is 1 between them. Layer 1 computes NAND and OR, layer 2 computes AND of their outputs.</source>
        <translation>2本の直線：その間で出力が1になります。第1層がNANDとORを、第2層がその出力のANDを計算します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>Type 10 numbers from 0 to 1, separated by commas.</source>
        <translation>0～1 の数を10個、カンマで区切って入力してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Type between 1 and 20 numbers.</source>
        <translation>1～20個の数を入力してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>Type numbers separated by commas.</source>
        <translation>カンマで区切った数を入力してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>U (recurrent weights)</source>
        <translation>U（再帰の重み）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>Undo</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Universality (ch. 4)</source>
        <translation>普遍性（4章）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>Use my drawing</source>
        <translation>自分の手書きを使う</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>Use the best</source>
        <translation>最良の設定を使う</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_dialogs.py"/>
        <source>Use the new model?</source>
        <translation>新しいモデルを使いますか？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>Use this model</source>
        <translation>このモデルを使う</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_health.py"/>
        <source>Validation accuracy after epoch {epoch} is {acc}%, under twice guessing ({chance}%): the network is not learning. {hint}</source>
        <translation>エポック {epoch} の後の検証精度は {acc}% で、当て推量の 2 倍（{chance}%）未満です：ネットワークは学習していません。{hint}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>Validation accuracy by setting</source>
        <translation>設定ごとの検証データの認識精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>Validation accuracy: {acc}%</source>
        <translation>検証データの認識精度：{acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Validation images, choosing settings</source>
        <translation>検証データ、ハイパーパラメータの選び方</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>View All</source>
        <translation>全体を表示</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>Visible Data Only</source>
        <translation>表示中のデータのみ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>W (weights)</source>
        <translation>W（重み）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Weight decay, Dropout, early stop, train vs validation accuracy (overfitting)</source>
        <translation>荷重減衰、Dropout、早期終了、訓練データと検証データの認識精度の差（過学習）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Weight decay: pulls weights toward zero, against overfitting. 0 (off) to 0.001; 0.0001 is a good start. Book ch. 6.4.</source>
        <translation>荷重減衰：重みを 0 に近づけ、過学習を防ぎます。0（なし）〜0.001。まずは 0.0001。本の 6.4 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_table.py"/>
        <source>Weights: {shapes}</source>
        <translation>重み：{shapes}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>What the network gets is step 7, the same as “network sees”. Hover a step for its size in pixels.</source>
        <translation>ネットワークが受け取るのはステップ 7 で、「ネットワークが見る画像」と同じです。ステップにマウスを重ねるとピクセル数が表示されます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Where</source>
        <translation>保存先</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/window_menus.py"/>
        <source>Where the &amp;books explain it…</source>
        <translation>本のどこで説明しているか(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>Which class the maps explain: red pixels speak for it, blue ones against it</source>
        <translation>マップが説明するクラス：赤いピクセルは支持、青いピクセルは反対</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>Which digit is it? Set the box left of “Save as my digit”, then save.</source>
        <translation>どの数字ですか？「自分の数字として保存」の左のボックスで設定してから保存してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>Which settings the two selected runs differ in</source>
        <translation>選んだ2つの学習で異なる設定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>While training, the canvas and the feature maps use the latest weights. A run is saved with its curves and settings; File ▸ Open model brings any model back. View ▸ Language switches between English, 简体中文 and 日本語 at once.</source>
        <translation>学習中は、キャンバスと特徴マップが最新の重みを使います。学習結果はグラフと設定と一緒に保存され、「ファイル ▸ モデルを開く」でいつでも戻せます。「表示 ▸ 言語」で English・简体中文・日本語をすぐに切り替えられます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>Why cross-entropy, and why one hidden layer can do it all</source>
        <translation>なぜ交差エントロピーか、なぜ隠れ層1つで何でも表せるか</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>Why this answer</source>
        <translation>なぜこの答えか</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>Written: {path}</source>
        <translation>書き出しました：{path}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>X {shape}: {what}</source>
        <translation>X {shape}：{what}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Xavier</source>
        <translation>Xavier の初期値</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>Your design's convolutions: </source>
        <translation>あなたのネットワークの畳み込み層：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>Your held-out digits ({n}): {before} → {after}</source>
        <translation>テスト用に取っておいた自分の数字（{n} 個）：{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>Your runs</source>
        <translation>学習結果の保存先</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>Zero pixels added around the input. (kernel size - 1) / 2 keeps the size: 1 for 3x3, 2 for 5x5. Book ch. 7.2.</source>
        <translation>入力の周りに足す 0 の画素。（フィルターサイズ − 1）/ 2 で大きさが変わりません：3×3 なら 1、5×5 なら 2。本の 7.2 節。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a BMP image</source>
        <translation>BMP 画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a CSV text file (curves an experiment wrote?)</source>
        <translation>CSV のテキストファイル（実験が書き出した曲線？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a GIF image</source>
        <translation>GIF 画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a JPEG image</source>
        <translation>JPEG 画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a JSON text file (a network spec?)</source>
        <translation>JSON のテキストファイル（ネットワークの定義？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a PDF document</source>
        <translation>PDF 文書</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a PNG image</source>
        <translation>PNG 画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a Python pickle</source>
        <translation>Python の pickle</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a binary file of an unknown kind</source>
        <translation>種類のわからないバイナリファイル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a gzip file (MNIST's IDX data are gzip files)</source>
        <translation>gzip ファイル（MNIST の IDX データは gzip ファイルです）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a layer must be a dict with a "type", e.g. {example}</source>
        <translation>レイヤは "type" を持つ辞書でなければなりません。例：{example}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a model file is an .npz archive written by 'nndesk train' or the window's File ▸ Save model as…</source>
        <translation>モデルファイルは「nndesk train」かウィンドウの「ファイル ▸ 名前を付けてモデルを保存…」で書き出した .npz アーカイブです</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a model file is an .npz written by 'nndesk train'</source>
        <translation>モデルファイルは「nndesk train」で書き出した .npz です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model as…</source>
        <translation>モデルファイルは「nndesk train」かウィンドウの「ファイル ▸ 名前を付けてモデルを保存…」で書き出した .npz です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a network needs a non-empty list of "layers"</source>
        <translation>ネットワークには空でない "layers" のリストが必要です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a network spec must be a dict with "input_shape" and "layers"</source>
        <translation>ネットワークの定義は "input_shape" と "layers" を持つ辞書でなければなりません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>a sample 7 (draw on the canvas)</source>
        <translation>見本の 7（キャンバスに書けます）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a single NumPy array (.npy)</source>
        <translation>NumPy の配列 1 つ（.npy）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a spec is trained with 'nndesk train --spec FILE.json' or opened in the designer; a model file is an .npz</source>
        <translation>ネットワークの定義は「nndesk train --spec FILE.json」で学習させるか、デザイナーで開きます。モデルファイルは .npz です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a text file</source>
        <translation>テキストファイル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a text file (Markdown)</source>
        <translation>テキストファイル（Markdown）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a zip archive (an nndesk model file?)</source>
        <translation>zip アーカイブ（nndesk のモデルファイル？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a {k}x{k} kernel does not fit a {h}x{w} input</source>
        <translation>{k}×{k} のフィルターは {h}×{w} の入力に収まりません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a {k}x{k} kernel does not fit a {h}x{w} input padded by {p}</source>
        <translation>{k}×{k} のフィルターは、パディング {p} の {h}×{w} の入力に収まりません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>a {p}x{p} window does not fit a {h}x{w} input</source>
        <translation>{p}×{p} の窓は {h}×{w} の入力に収まりません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>accuracy %</source>
        <translation>認識精度 %</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>accuracy fell to chance while the loss rose above its start</source>
        <translation>認識精度があてずっぽうと同じ水準まで落ち、損失は最初の値より大きくなりました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>accuracy per digit</source>
        <translation>数字ごとの認識精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>after {layer}</source>
        <translation>{layer} の後</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>after {n} steps: ({x}, {y}), f = {f}</source>
        <translation>{n} ステップ後：({x}, {y})、f = {f}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>an IDX data file (MNIST images or labels)</source>
        <translation>IDX データファイル（MNIST の画像かラベル）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>an image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>an opened image</source>
        <translation>開いた画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>any number of steps</source>
        <translation>任意のステップ数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>apple price</source>
        <translation>りんごの値段</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>apples</source>
        <translation>りんごの個数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>architecture</source>
        <translation>ネットワークの構成</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>augment</source>
        <translation>データ拡張</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>augmentation</source>
        <translation>Data Augmentation</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/pg_i18n.py"/>
        <source>axis</source>
        <translation>軸</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>b (biases)</source>
        <translation>b（バイアス）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>back to the best epoch</source>
        <translation>最良のエポックに戻す</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>background removed</source>
        <translation>背景の除去</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>backprop disagrees!</source>
        <translation>逆伝播が数値微分と一致しません！</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>backprop is right</source>
        <translation>逆伝播の実装は正しい</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>backward {param}</source>
        <translation>逆方向 {param}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>batch (a point every {s} s or more)</source>
        <translation>バッチ（{s} 秒以上ごとに 1 点）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <source>best {acc}%</source>
        <translation>最良 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>beta (shift)</source>
        <translation>beta（シフト）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>bidirectional</source>
        <translation>双方向</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>book 2, ch. 5-6</source>
        <translation>第 2 巻 5〜6 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>bumps (2 hidden neurons each)</source>
        <translation>こぶの数（それぞれ隠れニューロン2個）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>cannot read {path}: {reason}</source>
        <translation>{path} を読み込めません：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>cannot write {path}: {reason}; {kept}</source>
        <translation>{path} に書き込めません：{reason}。{kept}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>central difference (f(x+h) − f(x−h)) / 2h</source>
        <translation>中心差分 (f(x+h) − f(x−h)) / 2h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>centred 28x28</source>
        <translation>28×28 の中央に配置</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 3</source>
        <translation>3 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 4</source>
        <translation>4 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 4.4, 5.7</source>
        <translation>4.4 節、5.7 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 5</source>
        <translation>5 章</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.1</source>
        <translation>6.1 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.2</source>
        <translation>6.2 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.3</source>
        <translation>6.3 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.4</source>
        <translation>6.4 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 6.5</source>
        <translation>6.5 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 7.1-7.5</source>
        <translation>7.1〜7.5 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 7.6</source>
        <translation>7.6 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 7.7</source>
        <translation>7.7 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>ch. 8.1</source>
        <translation>8.1 節</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>col (f² × OH·OW): one column per output pixel — click one</source>
        <translation>col（f² × OH·OW）：出力の1画素につき1列 — 列をクリックしてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>component kept</source>
        <translation>残した連結成分</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>constant</source>
        <translation>一定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>consumption tax</source>
        <translation>消費税</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>cosine</source>
        <translation>コサイン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>cost</source>
        <translation>コスト</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>crop</source>
        <translation>切り抜き</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>cross-entropy cost</source>
        <translation>交差エントロピーコスト関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>curves are plotted with 'nndesk experiment'; a model file is an .npz written by 'nndesk train' or the window's File ▸ Save model as…</source>
        <translation>曲線は「nndesk experiment」で描けます。モデルファイルは「nndesk train」かウィンドウの「ファイル ▸ 名前を付けてモデルを保存…」で書き出した .npz です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>data files go in the data folder (--data-dir); a model file is an .npz</source>
        <translation>データファイルはデータフォルダ（--data-dir）に置きます。モデルファイルは .npz です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>dead</source>
        <translation>機能停止</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>dead {p}%</source>
        <translation>死んだユニット {p}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>decay every (epochs)</source>
        <translation>減衰の間隔（エポック）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>decay factor</source>
        <translation>減衰率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>digit {c}: red for, blue against · {g} ms + {o} ms</source>
        <translation>数字 {c}：赤は支持、青は反対 · {g} ms + {o} ms</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>digit {d}</source>
        <translation>数字 {d}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/optimizers_page.py"/>
        <source>diverged</source>
        <translation>発散しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>diverged here</source>
        <translation>ここで発散</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>done: {n} images</source>
        <translation>完了：{n} 枚の画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>draw a digit</source>
        <translation>数字を描いてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/canvas_paint.py"/>
        <source>draw a digit here</source>
        <translation>ここに数字を描いてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>drawing the pen digits: %v of %m</source>
        <translation>ペン数字を描画中：%v / %m</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>drawn on a bitmap</source>
        <translation>ビットマップ上に描画</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>drop rate</source>
        <translation>消去する割合</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>early stop</source>
        <translation>早期終了</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>early_stop, val_split and train_limit cannot be negative</source>
        <translation>early_stop・val_split・train_limit は負の数にできません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>elastic distortion needs alpha &gt;= 0 and sigma &gt; 0, not {alpha} and {sigma}</source>
        <translation>弾性変形には alpha &gt;= 0 と sigma &gt; 0 が必要です（{alpha} と {sigma} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>elastic distortion smoothness</source>
        <translation>弾性変形のなめらかさ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>elastic distortion strength</source>
        <translation>弾性変形の強さ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>empty or all zero bytes</source>
        <translation>空か、すべてゼロのバイト</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>epoch {epoch}/{epochs}</source>
        <translation>エポック {epoch}/{epochs}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>epoch {epoch}/{epochs} · batch {batch}/{batches}</source>
        <translation>エポック {epoch}/{epochs} · バッチ {batch}/{batches}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>epsilon</source>
        <translation>イプシロン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>eraser used</source>
        <translation>消しゴム使用</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>evaluating the test set…</source>
        <translation>テストデータで評価中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>evaluating: %v of %m images</source>
        <translation>評価中：%v / %m 枚</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>evaluation batch size</source>
        <translation>評価のバッチサイズ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>exp(a) overflows to inf: the naive softmax gives nan (inf / inf). Subtracting the largest score first gives the same probabilities and no overflow (eq. 3.11).</source>
        <translation>exp(a) が inf にオーバーフローし、素直な実装のソフトマックスは nan（inf / inf）になります。先に入力信号の最大値を引けば、結果は同じでオーバーフローしません（式 3.11）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>f(x0, x1) = x0² + x1²: −gradient (arrows) and descent paths</source>
        <translation>f(x0, x1) = x0² + x1²：勾配にマイナスを付けたベクトル（矢印）と勾配降下の経路</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>failed</source>
        <translation>失敗しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>filter</source>
        <translation>フィルター</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>filter W</source>
        <translation>フィルター W</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>filter f</source>
        <translation>フィルターサイズ f</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>filters</source>
        <translation>フィルター数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>forward difference (f(x+h) − f(x)) / h</source>
        <translation>前方差分 (f(x+h) − f(x)) / h</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>gamma (scale)</source>
        <translation>gamma（スケール）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>gradient × input</source>
        <translation>勾配 × 入力</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>gradients</source>
        <translation>勾配</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>gradients vanish: layer {first} learns {times}× slower than layer {last} (RMS of the bias gradients, Nielsen ch. 5)</source>
        <translation>勾配消失：層 {first} の学習は層 {last} より {times} 倍遅い（バイアスの勾配の RMS、Nielsen 5章）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>gray</source>
        <translation>グレースケール</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>has {params} parameters; nndesk trains at most {limit} ({size} for the weights alone)</source>
        <translation>パラメータが {params} 個あります。nndesk が学習できるのは {limit} 個までです（重みだけで {size}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>horizontal edges</source>
        <translation>横のエッジ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>how much p drops when a 6×6 patch is blanked</source>
        <translation>6×6 の領域を消したとき p がどれだけ下がるか</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>identity function</source>
        <translation>恒等関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>im2col copies every window of the input into one column; the whole convolution is then one matrix product, which is why nndesk's Conv2D is fast.</source>
        <translation>im2col は入力データのフィルターが適用される各領域を1列に展開します。すると畳み込み演算全体が1回の行列の積になり、これが nndesk の Conv2D が速い理由です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>image {index}: true {true}, predicted {pred} ({p}%), second {second} ({q}%)</source>
        <translation>画像 {index}：正解 {true}、認識結果 {pred}（{p}%）、2番目 {second}（{q}%）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>infinite</source>
        <translation>無限大</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>init must be at most {high} (the std of the weights), not {value}</source>
        <translation>重みの初期値は {high} 以下でなければなりません（重みの標準偏差。{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>init std {0}, BatchNorm</source>
        <translation>初期値の標準偏差 {0}、Batch Norm あり</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>init std {0}, no BatchNorm</source>
        <translation>初期値の標準偏差 {0}、Batch Norm なし</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>init {init}</source>
        <translation>初期化：{init}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>initial weights</source>
        <translation>重みの初期化</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inspector_panel.py"/>
        <source>ink mask</source>
        <translation>インクのマスク</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/lessons/common.py"/>
        <source>input</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>input (padded)</source>
        <translation>入力データ（パディング込み）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>input n</source>
        <translation>入力サイズ n</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>input x</source>
        <translation>入力 x</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>input_shape must be [features], [steps, features] (steps may be null: any length) or [channels, height, width] of positive whole numbers, e.g. [1, 28, 28]; got {value}</source>
        <translation>input_shape は正の整数による [特徴量数]、[ステップ数, 特徴量数]（ステップ数は null で任意の長さ）または [チャンネル, 高さ, 幅] でなければなりません（例：[1, 28, 28]）。実際は {value} でした</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>kernel size</source>
        <translation>フィルターサイズ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/layer_form.py"/>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>labels must be in 0..{high}; got {low}..{top}</source>
        <translation>ラベルは 0〜{high} でなければなりませんが、{low}〜{top} でした</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>layer {i}: ({n} + 2·{p} − {f}) / {s} + 1 = {size}; the designer infers {shape}</source>
        <translation>{i} 層目：({n} + 2·{p} − {f}) / {s} + 1 = {size}。デザイナーの推定は {shape}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>layer {n}</source>
        <translation>{n} 層目</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} (BatchNorm) on a sequence cannot be exported yet</source>
        <translation>系列にかかるレイヤ {n}（BatchNorm）はまだ書き出せません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} ({type}) cannot be exported as book-style NumPy; export it to pytorch or onnx</source>
        <translation>レイヤ {n}（{type}）は本のスタイルの NumPy には書き出せません。pytorch か onnx に書き出してください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} ({type}) cannot be exported yet; supported: {known}</source>
        <translation>レイヤ {n}（{type}）はまだ書き出せません。対応しているレイヤ：{known}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>layer {n} ({type}): {reason}</source>
        <translation>レイヤ {n}（{type}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/common.py"/>
        <source>layer {n} {tensor}</source>
        <translation>第{n}層 {tensor}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>layer {n} {type}: weights</source>
        <translation>レイヤ {n} {type}：重み</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>leaky ReLU (α = 0.1)</source>
        <translation>Leaky ReLU関数（α = 0.1）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>learned filter #</source>
        <translation>学習したフィルター #</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>learning rate {i}</source>
        <translation>学習率 {i}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>least confident first</source>
        <translation>確信度の低い順</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/plots.py"/>
        <source>log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>log10(learning rate)</source>
        <translation>log10（学習率）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>log10(weight decay)</source>
        <translation>log10（荷重減衰）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>loss (mean of the last %n step(s))</source>
        <translation>
            <numerusform>損失（最後の %n ステップの平均）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>loss (moving average of {n} steps)</source>
        <translation>損失（{n} ステップの移動平均）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>loss {loss} has no exported equivalent ({known})</source>
        <translation>損失関数 {loss} には書き出し先で対応するものがありません（{known}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>lr {0}, decay {1}</source>
        <translation>学習率 {0}、荷重減衰 {1}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>lr {lr}: f = {f} after {n} steps</source>
        <translation>学習率 {lr}：{n} ステップ後 f = {f}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>lr·‖dW‖/‖W‖</source>
        <translation>学習率·‖dW‖/‖W‖</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>map</source>
        <translation>特徴マップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>mean per layer: {means} · std per layer: {stds}</source>
        <translation>層ごとの平均：{means} · 層ごとの標準偏差：{stds}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/design_summary.py"/>
        <source>more…</source>
        <translation>詳しく…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/mistake_gallery.py"/>
        <source>most confident first</source>
        <translation>確信度の高い順</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>my digits</source>
        <translation>自分の数字</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>my drawing</source>
        <translation>自分の手書き</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>naive softmax</source>
        <translation>素直なソフトマックス</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>name must be text, not {value}</source>
        <translation>名前は文字列でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>nearest for the network</source>
        <translation>ネットワークにとって近いもの</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>nearest in pixels</source>
        <translation>ピクセルで近いもの</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs a fixed number of inputs, but its input is a sequence of any number of steps (x {f}); turn {name} off on the recurrent layer before it, so that only its last state comes out</source>
        <translation>決まった数の入力が必要ですが、入力は任意のステップ数の系列（×{f}）です。前のリカレントレイヤの「{name}」をオフにして、最後の状態だけが出るようにしてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs a sequence (steps x features), but its input is {what}; a recurrent layer reads the input sequence or the output of another recurrent layer with {name} on</source>
        <translation>系列（ステップ数×特徴量数）が必要ですが、入力は{what}です。リカレントレイヤが読むのは入力の系列か、「{name}」をオンにした別のリカレントレイヤの出力です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs an image (channels x height x width), but its input is a sequence ({steps} x {f} features); {layer} reads images, RNN, GRU and LSTM read sequences</source>
        <translation>画像（チャンネル×高さ×幅）が必要ですが、入力は系列（{steps}×{f} 個の特徴量）です。{layer} は画像を読み、RNN・GRU・LSTM は系列を読みます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs an image (channels x height x width), but its input is {size} numbers in a row; put {layer} before any Dense or Flatten</source>
        <translation>画像（チャンネル×高さ×幅）が必要ですが、入力は一列に並んだ {size} 個の数です。{layer} は Dense や Flatten より前に置いてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs {size} for the weights; this computer has {have}</source>
        <translation>重みだけで {size} 必要ですが、このコンピュータには {have} しかありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>needs {size} to train on a batch of {batch} (weights, gradients, optimizer state and each layer's outputs); this computer has {have}</source>
        <translation>バッチサイズ {batch} での学習には {size} 必要です（重み、勾配、最適化手法の状態、各レイヤの出力）が、このコンピュータには {have} しかありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>negative slope</source>
        <translation>負の傾き</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>network sees</source>
        <translation>ネットワークの入力</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>neuron</source>
        <translation>ニューロン</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>nndesk help</source>
        <translation>nndesk ヘルプ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/finetune_dialog.py"/>
        <source>nndesk models (*.npz)</source>
        <translation>nndesk モデル (*.npz)</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>nndesk never loads pickles (they can run code); a model file is an .npz written by nndesk</source>
        <translation>nndesk は pickle を読み込みません（コードを実行できるため）。モデルファイルは nndesk が書き出した .npz です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/main_window.py"/>
        <source>nndesk — design, train, look inside, draw</source>
        <translation>nndesk — 設計し、学習させ、中を見て、描く</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>no TensorBoard log: pip install 'nndesk[tensorboard]' to write one</source>
        <translation>TensorBoard ログなし：書き出すには pip install 'nndesk[tensorboard]'</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>no TensorBoard log: {err}</source>
        <translation>TensorBoard ログなし：{err}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no checkpoint was saved before</source>
        <translation>それまでにチェックポイントは保存されていません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_preview.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>no digit found</source>
        <translation>数字を検出できず</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no digits to fine-tune on</source>
        <translation>ファインチューニングに使える数字がありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no digits to fine-tune on: save some digits first (all were held out to measure)</source>
        <translation>ファインチューニングに使える数字がありません。先にもう少し数字を保存してください（今ある数字はすべて精度の測定用に取り分けられました）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no file name given: an {kind} export is one file, e.g. {example}</source>
        <translation>ファイル名がありません：{kind}のエクスポートは 1 つのファイルです（例：{example}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no folder name given: a {kind} export is a folder, e.g. {example}</source>
        <translation>フォルダー名がありません：{kind}のエクスポートはフォルダーです（例：{example}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>no images in the folder yet: save some from the canvas</source>
        <translation>フォルダにまだ画像がありません：キャンバスから数字を保存してください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>no layers</source>
        <translation>レイヤがありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>no model</source>
        <translation>モデルなし</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>no such file or folder</source>
        <translation>そのファイルやフォルダはありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>no trajectory model</source>
        <translation>軌跡モデルがありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/help.py"/>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>not a digit</source>
        <translation>数字ではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>not saved yet</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>not sure: {first} {p1}%, {second} {p2}%</source>
        <translation>自信なし：{first} {p1}%、{second} {p2}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>nothing drawn: the bitmap is empty</source>
        <translation>何も描かれていません：ビットマップが空です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>now the network being trained (press Evaluate)</source>
        <translation>現在は学習中のネットワーク（「評価する」を押してください）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>occlusion</source>
        <translation>遮蔽</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>off</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>on</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>one sample</source>
        <translation>1件のデータ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>orange price</source>
        <translation>みかんの値段</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>oranges</source>
        <translation>みかんの個数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/init_page.py"/>
        <source>other std:</source>
        <translation>その他の標準偏差：</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>output = W (1 × f²) · col</source>
        <translation>出力 = W (1 × f²) · col</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>output layer</source>
        <translation>出力層</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>padding</source>
        <translation>パディング</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>padding p</source>
        <translation>パディング p</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>parameter tensor</source>
        <translation>パラメータのテンソル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/graph_page.py"/>
        <source>payment</source>
        <translation>支払金額</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>pen digits (writers 21-30) as images</source>
        <translation>ペン入力の数字（書き手 21-30）の画像</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>pen digits not found at {path}</source>
        <translation>{path} にペン数字のデータが見つかりません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>per batch</source>
        <translation>バッチごと</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>permission denied</source>
        <translation>アクセス権がありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>plain</source>
        <translation>抑制なし</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>pool size</source>
        <translation>プーリングの窓</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>predicted digit</source>
        <translation>予測結果</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>quadratic cost</source>
        <translation>2次コスト関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>reading the images…</source>
        <translation>画像を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_verdicts.py"/>
        <source>reading…</source>
        <translation>読み取り中…</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>recurrent {k}</source>
        <translation>リカレント層 {k}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>relative error</source>
        <translation>相対誤差</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>return sequences</source>
        <translation>全時刻を出力</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>running-average momentum</source>
        <translation>移動平均のモーメンタム</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/editors.py"/>
        <source>same as pool size</source>
        <translation>プーリングの窓と同じ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>saturated</source>
        <translation>飽和</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_figures.py"/>
        <source>saturated {p}%</source>
        <translation>飽和 {p}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>schedule</source>
        <translation>学習率スケジュール</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>seed</source>
        <translation>乱数シード</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/inside_panel.py"/>
        <source>shown for a first Conv2D or a Dense on raw pixels</source>
        <translation>最初のレイヤが Conv2D か、画素に直接つながる Dense のときに表示します</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>sigmoid function</source>
        <translation>シグモイド関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/loss_plot.py"/>
        <source>smoothed</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>snapshot every (s)</source>
        <translation>スナップショットの間隔（秒）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>softmax function</source>
        <translation>ソフトマックス関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>softmax(a): probabilities</source>
        <translation>softmax(a)：確率</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>steepness w</source>
        <translation>急峻さ w</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>step decay</source>
        <translation>段階的に減衰</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>step function</source>
        <translation>ステップ関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>step {t} of {n}</source>
        <translation>時刻 {t} / {n}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, {acc})</source>
        <translation>早期終了：{n} エポックのあいだ検証データの認識精度が上がりませんでした（最良：エポック {best}、{acc}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>stopped early: no better validation accuracy for {n} epochs (best: epoch {best}, {acc}); weights of epoch {restored} restored</source>
        <translation>早期終了：{n} エポックのあいだ検証データの認識精度が上がりませんでした（最良：エポック {best}、{acc}）。エポック {restored} の重みに戻しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>stopped in epoch {epoch} after batch {batch} of {batches}</source>
        <translation>エポック {epoch} のバッチ {batch}/{batches} のあとで停止しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>stride</source>
        <translation>ストライド</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>stride s</source>
        <translation>ストライド s</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>tanh function</source>
        <translation>tanh関数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>target</source>
        <translation>正解</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>test accuracy</source>
        <translation>テストデータの認識精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>test accuracy every epoch</source>
        <translation>毎エポックのテスト精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_thread.py"/>
        <source>test set</source>
        <translation>テストデータ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>the answer</source>
        <translation>認識結果</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the file system is read-only</source>
        <translation>ファイルシステムが読み取り専用です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the label must be a digit 0-9, not {label}</source>
        <translation>ラベルは 0〜9 の数字でなければなりません（{label} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good checkpoint (epoch {epoch}) is kept</source>
        <translation>最後の正常なチェックポイント（エポック {epoch}）は残っています</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good weights (step {step}) were kept in {path}</source>
        <translation>最後の正常な重み（ステップ {step}）に戻し、{path} に保存しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good weights (step {step}) were put back</source>
        <translation>最後の正常な重み（ステップ {step}）に戻しました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last good weights (step {step}) were put back (writing them to {path} failed: {reason})</source>
        <translation>最後の正常な重み（ステップ {step}）に戻しました（{path} への保存は失敗：{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last layer must give one score per class (e.g. Dense with 10 units), but it gives a sequence ({steps} x {f}); turn {name} off on the last recurrent layer</source>
        <translation>最後のレイヤはクラスごとに 1 つのスコアを出す必要があります（例：ユニット数 10 の Dense）が、系列（{steps}×{f}）を出しています。最後のリカレントレイヤの「{name}」をオフにしてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the last layer must give one score per class (e.g. Dense with 10 units), but it gives a {size} map</source>
        <translation>最後のレイヤはクラスごとに 1 つのスコアを出す必要があります（例：ユニット数 10 の Dense）が、{size} のマップを出しています</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the learning rate must be above 0, not {value}</source>
        <translation>学習率は 0 より大きくなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>the loaded model</source>
        <translation>読み込んだモデル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the loss became {kind}</source>
        <translation>損失が{kind}になりました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the loss exploded (running mean {ema}; it started at {start})</source>
        <translation>損失が爆発しました（移動平均 {ema}、最初は {start}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the magic number</source>
        <translation>マジックナンバー</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <location filename="../../nndesk/gui/help.py"/>
        <source>the network being trained</source>
        <translation>学習中のネットワーク</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>the network being trained ({time})</source>
        <translation>学習中のネットワーク（{time}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>the network being trained at step {step} ({time})</source>
        <translation>学習中のネットワーク、ステップ {step}（{time}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the network does not build: {reason}</source>
        <translation>ネットワークを組み立てられません：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>the network expects images shaped {want}, the training data is {have}</source>
        <translation>ネットワークは形状 {want} の画像を受け取りますが、訓練データは {have} です</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/state.py"/>
        <source>the network outputs {n} scores, but the data has {classes} classes (digits 0-9): the last Dense layer needs {classes} units</source>
        <translation>ネットワークの出力は {n} 個ですが、データのクラスは {classes} 個（数字 0-9）です：最後の全結合層は {classes} ユニットにしてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>the new design, initial weights (not trained yet)</source>
        <translation>新しい設計、重みの初期値（まだ学習していません）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_panel.py"/>
        <source>the run has ended: its last figures stay</source>
        <translation>学習は終了しました：最後の値を表示しています</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_text.py"/>
        <source>this computer ran out of memory</source>
        <translation>このコンピューターのメモリーが足りなくなりました</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>this does not look like a digit</source>
        <translation>数字には見えません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>this network has no hidden layer: its features are the pixels</source>
        <translation>このネットワークには隠れ層がありません：特徴量は画素そのものです</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>time step t</source>
        <translation>時刻 t</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>to recognize the digit in it: nndesk predict IMAGE</source>
        <translation>画像の数字を認識するには：nndesk predict 画像ファイル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <source>train</source>
        <translation>訓練データ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>train images</source>
        <translation>訓練画像の数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>training accuracy</source>
        <translation>訓練データの認識精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/neighbours_view.py"/>
        <source>training image {index}: a {label}, distance {d}</source>
        <translation>訓練画像 {index}：ラベル {label}、距離 {d}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_page.py"/>
        <source>training images</source>
        <translation>訓練画像の枚数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>training images measured</source>
        <translation>精度を測る訓練画像の数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>training loss</source>
        <translation>訓練データの損失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/confusion_view.py"/>
        <source>true digit</source>
        <translation>正解ラベル</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>units</source>
        <translation>ユニット数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown layer type; did you mean {close}? known types: {known}</source>
        <translation>未知のレイヤの種類です。{close} のことですか？ 使える種類：{known}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown layer type; known types: {known}</source>
        <translation>未知のレイヤの種類です。使える種類：{known}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown loss {loss}; choose one of {known}</source>
        <translation>未知の損失関数 {loss} です。{known} から選んでください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown optimizer {value}; choose one of {known}</source>
        <translation>未知の最適化手法 {value} です。{known} から選んでください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown schedule {value}; choose one of {known}</source>
        <translation>未知の学習率スケジュール {value} です。{known} から選んでください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>unknown setting {name} (settings: {known})</source>
        <translation>未知の設定 {name}（設定できるもの：{known}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/accuracy_plot.py"/>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>validation</source>
        <translation>検証データ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>validation accuracy</source>
        <translation>検証データの認識精度</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_search.py"/>
        <source>validation accuracy %</source>
        <translation>検証データの認識精度 %</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/health_job.py"/>
        <source>vanishing</source>
        <translation>消失</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>vertical edges</source>
        <translation>縦のエッジ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>warm-up epochs</source>
        <translation>ウォームアップのエポック数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/terms.py"/>
        <source>weight decay</source>
        <translation>荷重減衰</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>weight decay {0}</source>
        <translation>荷重減衰 {0}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>weight init</source>
        <translation>重みの初期化方法</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>what</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/why_panel.py"/>
        <source>x · d log p / d x: one backward pass down to the pixels</source>
        <translation>x · d log p / d x：ピクセルまでの逆伝播</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>y = 1 when w1·x1 + w2·x2 + b &gt; 0, else 0. One perceptron draws one straight line: AND, NAND and OR have one, XOR needs two layers.</source>
        <translation>w1·x1 + w2·x2 + b &gt; 0 のとき y = 1、それ以外は 0。1つのパーセプトロンは1本の直線しか引けません：AND・NAND・ORは1本で足り、XORには2層が必要です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>y_k is 0 and log 0 is −∞: the book's cross_entropy_error adds a tiny δ = 1e-7 so the error stays a number (ch. 4.2.2), here −log(1e-7) ≈ 16.12.</source>
        <translation>y_k が 0 で、log 0 は −∞ です。本の cross_entropy_error は小さな値 δ = 1e-7 を足して、誤差が数値のままになるようにしています（4.2.2 節）。ここでは −log(1e-7) ≈ 16.12 です。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/conv_page.py"/>
        <source>your digit</source>
        <translation>あなたが書いた数字</translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>your handwriting: %n digit(s), accuracy {acc}%</source>
        <translation>
            <numerusform>あなたの筆跡：%n 個の数字、認識精度 {acc}%</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>your handwriting: no digits saved yet</source>
        <translation>あなたの筆跡：まだ保存された数字はありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/download.py"/>
        <source>{error}

Check your internet connection and try again, or copy the four MNIST .gz files into {folder}.</source>
        <translation>{error}

インターネット接続を確認してもう一度試すか、MNIST の 4 つの .gz ファイルを {folder} にコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/app.py"/>
        <source>{error}

The window keeps working; if this happens again, save your design and model, restart nndesk, and report the message above.</source>
        <translation>{error}

ウィンドウはこのまま使えます。再び起きたら、ネットワーク設計とモデルを保存して nndesk を再起動し、上のメッセージを報告してください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <location filename="../../nndesk/gui/plot_export.py"/>
        <source>{err}

Choose another folder.</source>
        <translation>{err}

別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>{err}

Open a .json file saved with File ▸ Save design as….</source>
        <translation>{err}

「ファイル ▸ 名前を付けてネットワーク設計を保存…」で保存した .json ファイルを開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/run_messages.py"/>
        <source>{err}

Use Train again to download MNIST, or put the files there.</source>
        <translation>{err}

もう一度「学習」を押して MNIST をダウンロードするか、ファイルをそこに置いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>{failed} of {n} tensors disagree: a backward pass is wrong, or the step crossed a ReLU or max-pool kink.</source>
        <translation>{n} 個中 {failed} 個のテンソルが不一致：逆伝播の誤りか、差分の幅が ReLU や Max プーリングの折れ目をまたいでいます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <location filename="../../nndesk/gui/model_answers.py"/>
        <source>{first} or {second}?</source>
        <translation>{first} か {second}？</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/finetune_text.py"/>
        <source>{held} of your {n} digits are kept aside to check the gain (each file's content decides, about one in four); the model learns from the other {train}.</source>
        <translation>自分の数字 {n} 個のうち {held} 個は、効果を測るためにテスト用として取っておきます（どれになるかは各ファイルの内容で決まり、約4分の1です）。モデルは残りの {train} 個から学習します。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/perceptron_page.py"/>
        <source>{k} of 4 rows are wrong (red).</source>
        <translation>4 行中 {k} 行が不正解（赤）。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>{message}

Lower the learning rate in the Training settings and train again.</source>
        <translation>{message}

学習の設定で学習率を下げて、もう一度学習させてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/eval_panel.py"/>
        <source>{model}: accuracy {acc}% on {n} images ({what})</source>
        <translation>{model}：{n} 枚の画像（{what}）での認識精度 {acc}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} cannot be negative ({value})</source>
        <translation>{name}は負の数にできません（{value}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} has no "layers" list: it is not a network design</source>
        <translation>{name} には "layers" のリストがありません：ネットワーク設計ではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is a folder, not a file</source>
        <translation>{name} はフォルダで、ファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is far too large ({value})</source>
        <translation>{name}が大きすぎます（{value}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is nested more than {n} levels deep: not something nndesk writes</source>
        <translation>{name} は {n} 段より深く入れ子になっています：nndesk が書き出すものではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is not UTF-8 text</source>
        <translation>{name} は UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is not valid JSON ({reason}, line {line} column {column})</source>
        <translation>{name} は正しい JSON ではありません（{line} 行 {column} 列）{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is too large to be a design file</source>
        <translation>{name} はネットワーク設計のファイルにしては大きすぎます</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is truncated JSON: the text ends before it is complete (line {line} column {column})</source>
        <translation>{name} は途中で切れた JSON です：テキストが完結する前に終わっています（{line} 行 {column} 列）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} is {what}, not a network design</source>
        <translation>{name} は{what}で、ネットワーク設計ではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be a finite number, not {value}</source>
        <translation>{name}は有限の数値でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be a number, not {value}</source>
        <translation>{name}は数値でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be a whole number, not {value}</source>
        <translation>{name}は整数でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be above {low}, not {value}</source>
        <translation>{name}は {low} より大きくなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be at least {low}, not {value}</source>
        <translation>{name}は {low} 以上でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be at most {high}, not {value}</source>
        <translation>{name}は {high} 以下でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be one of {choices} or a number (the std of a normal distribution), not {value}</source>
        <translation>{name}は {choices} のどれか、または数値（正規分布の標準偏差）でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{name} must be true or false, not {value}</source>
        <translation>{name}はオンかオフ（true か false）でなければなりません（{value} ではなく）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/files.py"/>
        <source>{network}, {optimizer} lr {lr}: {epochs_done} of {epochs} epochs done</source>
        <translation>{network}、{optimizer} 学習率 {lr}：{epochs}エポック中 {epochs_done} 完了</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>{n} bumps = {h} steep sigmoid neurons, each step at s = −b/w; heights f(midpoint) are the output weights. Mean |error| = {e}. More (or better placed) steps give a closer fit: one hidden layer can approximate any continuous function.</source>
        <translation>{n} 個のこぶ = {h} 個の急峻なシグモイドニューロン。各ステップは s = −b/w にあり、高さ f(中点) が出力の重みです。平均 |誤差| = {e}。ステップを増やす（またはうまく置く）ほど近づきます：隠れ層1つで任意の連続関数を近似できます。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{n} dimension sizes</source>
        <translation>{n} 個の次元の大きさ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/activations_page.py"/>
        <source>{n} samples, one per row</source>
        <translation>{n} 件のデータ（1行に1件）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{n} steps</source>
        <translation>{n} ステップ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/digit_panel.py"/>
        <source>{path}

The image looks empty (no ink). Open a picture of one dark digit on light paper, or the reverse.</source>
        <translation>{path}

画像が空のようです（線がありません）。明るい紙に暗い色で書いた数字 1 つの画像（または白黒が逆のもの）を開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/export_dialog.py"/>
        <source>{path} already exists. Replace the files this export writes there? Any other file in it is kept.</source>
        <translation>{path} はすでに存在します。このエクスポートが書き込むファイルを置き換えますか？ほかのファイルはそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} exists (use --force to replace it)</source>
        <translation>{path} はすでにあります（別の名前を選んでください。コマンドラインでは --force で置き換えられます）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} exists and is not a folder</source>
        <translation>{path} はすでにあり、フォルダではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} exists and is not empty (use --force to replace it)</source>
        <translation>{path} はすでにあり、空ではありません（別の場所を選んでください。コマンドラインでは --force で置き換えられます）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} is a folder, not a file an export writes</source>
        <translation>{path} はフォルダーです。エクスポートが書き込むファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path} is a folder: an {kind} export is one file — try {better}</source>
        <translation>{path} はフォルダーです：{kind}のエクスポートは 1 つのファイルです。{better} にしてみてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a damaged {format} image, cut short or corrupted ({reason})</source>
        <translation>{path}：{format} 画像のファイルが壊れています（途中で切れているか、データが破損しています）{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a folder, not a file</source>
        <translation>{path}：これはフォルダで、ファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a folder, not an IDX file</source>
        <translation>{path}：これはフォルダで、IDX ファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: a {kind} export is a folder, not a {suffix} file — try {better}</source>
        <translation>{path}：{kind}のエクスポートは {suffix} ファイルではなくフォルダーです。{better} にしてみてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: an {kind} file ends in {suffix} — try {better}</source>
        <translation>{path}：{kind}ファイルの名前は {suffix} で終わります。{better} にしてみてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: cannot be opened ({reason})</source>
        <translation>{path}：開けません（{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: cannot open ({reason})</source>
        <translation>{path}：開けません（{reason}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: corrupt or truncated gzip data at the end ({reason})</source>
        <translation>{path}：ファイル末尾の gzip データが壊れているか途切れています{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: corrupt or truncated gzip data while reading the data for dimensions {dims} ({reason})</source>
        <translation>{path}：次元 {dims} のデータを読む途中で、壊れたか途切れた gzip データに当たりました{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: corrupt or truncated gzip data while reading {part} ({reason})</source>
        <translation>{path}：{part}を読む途中で、壊れたか途切れた gzip データに当たりました{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: damaged or truncated (no zip directory at its end)</source>
        <translation>{path}：壊れているか途切れています（末尾に zip のディレクトリがありません）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: damaged or truncated (not a readable .npz archive: {reason})</source>
        <translation>{path}：壊れているか途切れています（読み込める .npz アーカイブではありません）{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: give the file a name before {suffix}, e.g. {example}</source>
        <translation>{path}：{suffix} の前にファイル名を付けてください（例：{example}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: holds 0 images: nothing to train or measure on</source>
        <translation>{path}：画像が 1 枚もないので、学習も測定もできません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: its network spec does not build: {reason}</source>
        <translation>{path}：ネットワークの定義から組み立てられません：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: labels must be 0-9, found {low}..{high}</source>
        <translation>{path}：ラベルは 0〜9 でなければなりませんが、{low}〜{high} でした</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no digit found in the image (blank?)</source>
        <translation>{path}：画像の中に数字が見つかりません（白紙？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no digit sub-folders; put each digit's images in {first}, {second}, ... {last}</source>
        <translation>{path}：数字ごとのサブフォルダがありません。各数字の画像を {first}、{second}、… {last} に入れてください</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no readable digit images in 0/ ... 9/</source>
        <translation>{path}：0/ … 9/ に読み込める数字の画像がありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: no such model file</source>
        <translation>{path}：そのモデルファイルはありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a file</source>
        <translation>{path}：ファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a folder</source>
        <translation>{path}：フォルダではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a readable image ({reason})</source>
        <translation>{path}：読み込める画像ではありません{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a regular file</source>
        <translation>{path}：通常のファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not a regular file (a pipe or a device?)</source>
        <translation>{path}：通常のファイルではありません（パイプかデバイス？）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: not an IDX file (magic number bytes {magic}, expected 0x0000 then a type code and 1-8 dimensions)</source>
        <translation>{path}：IDX ファイルではありません（マジックナンバーのバイトは {magic}。0x0000 のあとに型コードと 1〜8 の次元数が来るはずです）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: refused as a possible decompression bomb ({reason})</source>
        <translation>{path}：解凍爆弾のおそれがあるため読み込みを拒否しました{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: the digit sub-folders hold no images ({suffixes})</source>
        <translation>{path}：数字のサブフォルダに画像がありません（{suffixes}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: too short to be a model file (1 byte)</source>
        <translation>{path}：モデルファイルにしては短すぎます（1 バイト）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: too short to be a model file ({n} bytes)</source>
        <translation>{path}：モデルファイルにしては短すぎます（{n} バイト）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: truncated: data for dimensions {dims} needs {n} bytes, the file has only {size}</source>
        <translation>{path}：途切れています：次元 {dims} のデータには {n} バイト必要ですが、ファイルには {size} バイトしかありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: truncated: the header's dimensions {dims} need {n} bytes, the file has {size}</source>
        <translation>{path}：途切れています：ヘッダの次元 {dims} には {n} バイト必要ですが、ファイルは {size} バイトです</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: truncated: {part} needs {n} bytes, the file has only {size}</source>
        <translation>{path}：途切れています：{part}には {n} バイト必要ですが、ファイルには {size} バイトしかありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {n} labels for the {images} images in {name}</source>
        <translation>{path}：{name} の画像 {images} 枚に対してラベルが {n} 個あります</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an IDX file</source>
        <translation>{path}：これは{what}で、IDX ファイルではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an image</source>
        <translation>{path}：これは{what}で、画像ではありません</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an nndesk model file</source>
        <translation>{path}：これは{what}で、nndesk のモデルファイルではありません。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {what}, not an nndesk model file; {advice}</source>
        <translation>{path}：これは{what}で、nndesk のモデルファイルではありません。{advice}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{path}: {w}x{h} pixels is too large (limit {limit} pixels)</source>
        <translation>{path}：{w}×{h} 画素は大きすぎます（上限 {limit} 画素）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/train_panel.py"/>
        <source>{percent}% of the run</source>
        <translation>全体の {percent}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/answer_words.py"/>
        <source>{percent}% sure</source>
        <translation>確信度 {percent}%</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/training.py"/>
        <source>{problem}

Fix the marked layer in the designer, then train.</source>
        <translation>{problem}

ネットワーク設計で印のついたレイヤを直してから学習させてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/gradcheck_panel.py"/>
        <source>{reason} (an unexpected error: the rest of the window keeps working; press Check gradients to try again)</source>
        <translation>{reason}（予期しないエラーです。ウィンドウのほかの部分はそのまま使えます。「勾配確認を実行」を押すと再試行します）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>{run}: {values}</source>
        <translation>{run}：{values}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{size} numbers in a row</source>
        <translation>一列に並んだ {size} 個の数</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>{tag} training</source>
        <translation>{tag} 訓練データ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/compare_view.py"/>
        <source>{tag} validation</source>
        <translation>{tag} 検証データ</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{title} files missing in {folder}: {files}. Put them in that folder (from {url}), set {env} to a folder that has them, or download them (`download=True`).</source>
        <translation>{folder} に {title} のファイルがありません：{files}。このフォルダに入れる（入手先：{url}）か、{env} をファイルのあるフォルダに設定するか、ダウンロードしてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{title} files missing in {folder}: {files}. Put them in that folder (from {url}), set {env} to a folder that has them, or download them (`download=True`).
{detail}</source>
        <translation>{folder} に {title} のファイルがありません：{files}。このフォルダに入れる（入手先：{url}）か、{env} をファイルのあるフォルダに設定するか、ダウンロードしてください。
{detail}</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <source>{what} at step {step}: the learning rate {lr} is probably too high; try {suggest} ({kept})</source>
        <translation>ステップ {step} で{what}。学習率 {lr} はおそらく大きすぎます。{suggest} を試してください（{kept}）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/learning_page.py"/>
        <source>|error|</source>
        <translation>|誤差|</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>η, cross-entropy</source>
        <translation>η（交差エントロピー）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/nielsen_page.py"/>
        <source>η, quadratic</source>
        <translation>η（2次コスト）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/lessons/recurrent_page.py"/>
        <source>‖∂L/∂h_t‖ (log)</source>
        <translation>‖∂L/∂h_t‖（対数）</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” cannot be opened ({reason}). Open a picture of one digit: {formats}.</source>
        <translation>「{name}」を開けません（{reason}）。数字が 1 つ写った画像を開いてください：{formats}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” is a {format} image, but the file is damaged (cut short or corrupted), so it cannot be read. Open a whole copy of it, or another picture of one digit.</source>
        <translation>「{name}」は {format} 画像ですが、ファイルが壊れている（途中で切れているか、データが破損している）ため読み込めません。壊れていないコピーか、数字が 1 つ写った別の画像を開いてください。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” is not a picture nndesk can read. Open a picture of one digit: {formats}.</source>
        <translation>「{name}」は nndesk が読める画像ではありません。数字が 1 つ写った画像を開いてください：{formats}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/file_actions.py"/>
        <source>“{name}” is {what}, not a picture. Open a picture of one digit: {formats}.</source>
        <translation>「{name}」は{what}で、画像ではありません。数字が 1 つ写った画像を開いてください：{formats}。</translation>
    </message>
    <message>
        <location filename="../../nndesk/gui/designer.py"/>
        <source>⚠ {error}. Fix this layer to train.</source>
        <translation>⚠ {error}。学習させるにはこのレイヤを直してください。</translation>
    </message>
</context>
</TS>
