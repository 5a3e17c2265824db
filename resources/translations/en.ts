<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>nndesk</name>
    <message numerus="yes">
        <location filename="../../nndesk/gui/engine_sentences.py"/>
        <location filename="../../nndesk/gui/run_watch.py"/>
        <source>Finished %n epoch(s)</source>
        <translation>
            <numerusform>Finished %n epoch</numerusform>
            <numerusform>Finished %n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/lessons/experiments_text.py"/>
        <source>loss (mean of the last %n step(s))</source>
        <translation>
            <numerusform>loss (mean of the last %n step)</numerusform>
            <numerusform>loss (mean of the last %n steps)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../nndesk/gui/my_digits.py"/>
        <source>your handwriting: %n digit(s), accuracy {acc}%</source>
        <translation>
            <numerusform>your handwriting: %n digit, accuracy {acc}%</numerusform>
            <numerusform>your handwriting: %n digits, accuracy {acc}%</numerusform>
        </translation>
    </message>
</context>
</TS>
